package io.merx.runtime.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import io.merx.api.runtime.VersionState;
import io.merx.runtime.cluster.DesiredModel;

/**
 * Converts between a node's {@link ModelRecord} and the cluster's {@link DesiredModel}. They hold the same fields;
 * the desired record leaves out the per-node state of each version, which each node keeps in its own registry.
 */
final class ClusterRecords {

    private ClusterRecords() {
    }

    static DesiredModel empty(String model) {
        return new DesiredModel(model, List.of(), Map.of(), List.of(), null, null, 0, 0);
    }

    /** The record to publish, to be written over {@code revision}. */
    static DesiredModel toDesired(ModelRecord record, long revision) {
        return new DesiredModel(record.name(), new ArrayList<>(record.versions().keySet()), record.aliases(),
                record.liveHistory(), record.canary(), record.shadow(), record.lastVersion(), revision);
    }

    /**
     * The desired record as a ModelRecord to check a change against, with this node's state of the versions it has
     * (NEW for the others).
     */
    static ModelRecord toRecord(DesiredModel desired, ModelRecord local) {
        Map<String, ModelRecord.Status> versions = new TreeMap<>(ModelRecord.NUMERIC);
        for (String version : desired.versions()) {
            ModelRecord.Status status = local == null ? null : local.versions().get(version);
            versions.put(version, status != null ? status : new ModelRecord.Status(VersionState.NEW, null));
        }
        return new ModelRecord(desired.name(), new TreeMap<>(versions), desired.aliases(), desired.liveHistory(),
                desired.canary(), desired.shadow(), desired.lastVersion());
    }

    /**
     * What this node's registry holds once it serves the desired record: the versions it has stored (loaded ones
     * READY), the desired aliases, history, canary and shadow; null when the desired record has no versions.
     */
    static ModelRecord toLocal(DesiredModel desired, ModelRecord local, Predicate<String> stored,
            Predicate<String> loaded) {
        Map<String, ModelRecord.Status> versions = new TreeMap<>(ModelRecord.NUMERIC);
        for (String version : desired.versions()) {
            if (!stored.test(version)) {
                continue;
            }
            ModelRecord.Status status = local == null ? null : local.versions().get(version);
            if (loaded.test(version)) {
                status = new ModelRecord.Status(VersionState.READY, null);
            } else if (status == null || status.state() == VersionState.READY) {
                status = new ModelRecord.Status(VersionState.NEW, null);
            }
            versions.put(version, status);
        }
        if (versions.isEmpty()) {
            return null;
        }
        return new ModelRecord(desired.name(), new TreeMap<>(versions), desired.aliases(), desired.liveHistory(),
                desired.canary(), desired.shadow(), desired.lastVersion());
    }

    /** Versions aliases, canary and shadow point at: what a node must have warmed to serve the record. */
    static Set<String> referenced(DesiredModel desired) {
        Set<String> versions = new LinkedHashSet<>(desired.aliases().values());
        if (desired.canary() != null) {
            versions.add(desired.canary().version());
        }
        if (desired.shadow() != null) {
            versions.add(desired.shadow());
        }
        return versions;
    }

    static Set<String> referenced(ModelRecord record) {
        return referenced(toDesired(record, 0));
    }
}
