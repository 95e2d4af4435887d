package io.merx.runtime.cluster;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.merx.api.runtime.VersionState;

/**
 * What one node says it serves, sent with every heartbeat.
 *
 * @param node the node's name, unique in the cluster
 * @param address where operators and load balancers reach it (for example {@code http://10.0.0.5:8181}), or empty
 * @param startedAt when the node's runtime started
 * @param heartbeatAt when the node sent this report
 * @param converged true once the node has applied the desired state it last read (its readiness in cluster mode)
 * @param models model name to what the node serves of it
 */
public record NodeReport(String node, String address, Instant startedAt, Instant heartbeatAt, boolean converged,
        Map<String, ServedModel> models) {

    /** Copies the map. */
    public NodeReport {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(heartbeatAt, "heartbeatAt");
        models = java.util.Collections.unmodifiableMap(new TreeMap<>(models));
    }

    /**
     * One model on one node.
     *
     * @param revision the revision of the desired record the node last applied (0: none yet)
     * @param aliases alias to version as the node serves them now
     * @param states version to its state on this node (loaded versions are READY)
     */
    public record ServedModel(long revision, Map<String, String> aliases, Map<String, VersionState> states) {

        /** Copies the maps. */
        public ServedModel {
            aliases = java.util.Collections.unmodifiableMap(new TreeMap<>(aliases));
            states = java.util.Collections.unmodifiableMap(new TreeMap<>(states));
        }
    }
}
