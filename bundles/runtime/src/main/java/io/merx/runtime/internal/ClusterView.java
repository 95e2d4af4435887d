package io.merx.runtime.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.merx.api.runtime.ClusterNode;
import io.merx.api.runtime.ModelNotFoundException;
import io.merx.api.runtime.ModelRuntime;
import io.merx.runtime.cluster.DesiredModel;
import io.merx.runtime.cluster.NodeReport;
import io.merx.runtime.cluster.SharedState;

/** The operator's view of a cluster: the nodes that heartbeat, and how far behind the desired state each is. */
final class ClusterView {

    private static final long POLL_MILLIS = 100;

    private final SharedState shared;
    private final Duration nodeTimeout;
    private final Runnable beat;

    /** @param beat sends this node's heartbeat now, so a wait sees this node's latest state */
    ClusterView(SharedState shared, Duration nodeTimeout, Runnable beat) {
        this.shared = shared;
        this.nodeTimeout = nodeTimeout;
        this.beat = beat;
    }

    List<ClusterNode> nodes() {
        Map<String, Long> desired = new TreeMap<>();
        for (DesiredModel model : shared.models()) {
            if (!model.versions().isEmpty()) {
                desired.put(model.name(), model.revision());
            }
        }
        List<ClusterNode> nodes = new ArrayList<>();
        for (NodeReport report : shared.nodes(nodeTimeout)) {
            Map<String, ClusterNode.ServedModel> models = new TreeMap<>();
            desired.forEach((name, revision) -> {
                NodeReport.ServedModel served = report.models().get(name);
                long applied = served == null ? 0 : served.revision();
                models.put(name, new ClusterNode.ServedModel(served == null ? null
                        : served.aliases().get(ModelRuntime.LIVE), applied, Math.max(0, revision - applied)));
            });
            nodes.add(new ClusterNode(report.node(), report.address(), report.heartbeatAt(), report.converged(),
                    models));
        }
        return nodes;
    }

    /** Waits until every node that heartbeats has applied the model's current desired revision. */
    List<ClusterNode> awaitConverged(String model, Duration timeout)
            throws ModelNotFoundException, InterruptedException {
        long target = shared.model(model).filter(d -> !d.versions().isEmpty())
                .orElseThrow(() -> new ModelNotFoundException("no model '" + model + "'")).revision();
        long deadline = System.nanoTime() + timeout.toNanos();
        beat.run();
        while (true) {
            List<ClusterNode> nodes = nodes();
            boolean all = nodes.stream().allMatch(n -> n.models().containsKey(model)
                    && n.models().get(model).revision() >= target);
            if (all || System.nanoTime() >= deadline) {
                return nodes;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
