package io.merx.runtime.cluster;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.merx.api.runtime.CanarySplit;

/**
 * How every node should serve one model: the same fields a single node keeps in its registry, less the per-node
 * state of each version (loading, ready, failed), which each node reports in its {@link NodeReport}.
 *
 * @param name the model
 * @param versions the stored versions, in numeric order
 * @param aliases alias to version; {@code live} is the one scoring uses by default
 * @param liveHistory earlier targets of {@code live}, most recent last, for rollback
 * @param canary share of live traffic sent to another version, or null
 * @param shadow version scored in the shadow of live traffic, or null
 * @param lastVersion the highest version number ever assigned, so deleted numbers are never reused
 * @param revision the revision this record was read at (0 for a model not stored yet); a write must name it
 */
public record DesiredModel(String name, List<String> versions, Map<String, String> aliases, List<String> liveHistory,
        CanarySplit canary, String shadow, long lastVersion, long revision) {

    /** Copies the collections and checks the name. */
    public DesiredModel {
        Objects.requireNonNull(name, "name");
        versions = List.copyOf(versions);
        aliases = java.util.Collections.unmodifiableMap(new TreeMap<>(aliases));
        liveHistory = List.copyOf(liveHistory);
        if (revision < 0) {
            throw new IllegalArgumentException("revision must be >= 0, got " + revision);
        }
    }

    /**
     * The same record at another revision.
     *
     * @param newRevision the revision the store gave it
     * @return a copy carrying {@code newRevision}
     */
    public DesiredModel atRevision(long newRevision) {
        return new DesiredModel(name, versions, aliases, liveHistory, canary, shadow, lastVersion, newRevision);
    }
}
