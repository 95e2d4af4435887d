package io.merx.runtime.internal;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import io.merx.api.runtime.VersionState;
import io.merx.runtime.cluster.NodeReport;
import io.merx.runtime.cluster.SharedState;

/** Builds this node's report of what it serves (per model: revision applied, aliases, version states). */
final class ClusterHeartbeat {

    private final SharedState shared;
    private final Instant startedAt = Instant.now();
    private final ModelRegistry registry;
    private final ClusterLedger ledger;
    private final BooleanSupplier converged;

    ClusterHeartbeat(SharedState shared, ModelRegistry registry, ClusterLedger ledger, BooleanSupplier converged) {
        this.shared = shared;
        this.registry = registry;
        this.ledger = ledger;
        this.converged = converged;
    }

    NodeReport report() {
        Map<String, NodeReport.ServedModel> models = new TreeMap<>();
        for (ModelRecord record : registry.all()) {
            Map<String, VersionState> states = new TreeMap<>();
            record.versions().forEach((version, status) -> states.put(version, status.state()));
            models.put(record.name(), new NodeReport.ServedModel(ledger.applied(record.name()), record.aliases(),
                    states));
        }
        return new NodeReport(shared.nodeName(), shared.nodeAddress(), startedAt, Instant.now(), converged.getAsBoolean(),
                models);
    }

    void beat() {
        shared.report(report());
    }
}
