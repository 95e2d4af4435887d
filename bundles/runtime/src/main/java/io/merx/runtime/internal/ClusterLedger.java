package io.merx.runtime.internal;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.api.ModelLoadException;
import io.merx.api.runtime.ModelNotFoundException;
import io.merx.runtime.cluster.ConcurrentChangeException;
import io.merx.runtime.cluster.DesiredModel;
import io.merx.runtime.cluster.SharedState;

/**
 * A cluster node: the shared desired state is the record of truth. A change is checked against the desired record
 * read under the model's lock, what it will serve is loaded and warmed here, and it is written with compare-and-set
 * on the revision read, so a change another node made meanwhile is a {@link ConcurrentChangeException}, never a
 * lost update. Only then does this node apply it. Version numbers are reserved in the desired record before the
 * files are published, so two nodes saving at once never publish different files under one number.
 */
final class ClusterLedger implements Ledger {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterLedger.class);
    private static final int ATTEMPTS = 10;

    private final SharedState shared;
    private final ModelStore store;
    private final ModelRegistry registry;
    private final ServingTable serving;
    private final VersionFetcher fetcher;
    /** The desired record each model's change in progress was read at; touched only under the model's lock. */
    private final Map<String, DesiredModel> read = new ConcurrentHashMap<>();
    /** A version stored here whose record change is not published yet, to take back if publishing fails. */
    private final Map<String, String> unpublished = new ConcurrentHashMap<>();
    /** The desired revision this node serves of each model. */
    private final Map<String, Long> applied = new ConcurrentHashMap<>();

    ClusterLedger(SharedState shared, ModelStore store, ModelRegistry registry, ServingTable serving,
            VersionFetcher fetcher) {
        this.shared = shared;
        this.store = store;
        this.registry = registry;
        this.serving = serving;
        this.fetcher = fetcher;
    }

    /** The desired revision this node serves of a model; 0 when none. */
    long applied(String model) {
        return applied.getOrDefault(model, 0L);
    }

    void applied(String model, long revision) {
        applied.put(model, revision);
    }

    void forget(String model) {
        applied.remove(model);
    }

    @Override
    public ModelRecord record(String model) throws ModelNotFoundException {
        DesiredModel desired = shared.model(model).filter(d -> !d.versions().isEmpty())
                .orElseThrow(() -> new ModelNotFoundException("no model '" + model + "'"));
        read.put(model, desired);
        return ClusterRecords.toRecord(desired, registry.get(model).orElse(null));
    }

    @Override
    public String nextVersion(String model) throws IOException {
        long localLast = 0;
        for (String version : store.versions(model)) {
            localLast = Math.max(localLast, Long.parseLong(version));
        }
        ConcurrentChangeException conflict = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            DesiredModel d = shared.model(model).orElse(ClusterRecords.empty(model));
            long next = Math.max(d.lastVersion(), localLast) + 1;
            try {
                read.put(model, shared.write(new DesiredModel(model, d.versions(), d.aliases(), d.liveHistory(),
                        d.canary(), d.shadow(), next, d.revision())));
                return Long.toString(next);
            } catch (ConcurrentChangeException e) {
                conflict = e;
            }
        }
        throw conflict;
    }

    @Override
    public void stored(String model, String version) throws IOException {
        unpublished.put(model, version);
        try {
            shared.publishVersion(model, version, store.directory(model, version));
        } catch (IOException | RuntimeException e) {
            takeBack(model);
            throw e;
        }
    }

    @Override
    public void prepare(String model, String version) throws ModelLoadException {
        try {
            fetcher.ensureLocal(model, version);
        } catch (IOException e) {
            throw new ModelLoadException("version " + version + " of " + model
                    + " could not be fetched from the cluster: " + e.getMessage(), e);
        }
    }

    @Override
    public UnaryOperator<ModelRecord> publish(String model, UnaryOperator<ModelRecord> change, boolean rebase) {
        DesiredModel base = read.computeIfAbsent(model,
                m -> shared.model(m).orElse(ClusterRecords.empty(m)));
        try {
            for (int attempt = 0;; attempt++) {
                ModelRecord before = ClusterRecords.toRecord(base, registry.get(model).orElse(null));
                ModelRecord after = change.apply(before);
                if (after != null) {
                    warm(model, ClusterRecords.referenced(after));
                }
                try {
                    DesiredModel written = write(model, base, after);
                    forgetDeleted(model, before, after);
                    unpublished.remove(model);
                    return local(model, written);
                } catch (ConcurrentChangeException e) {
                    if (!rebase || attempt == ATTEMPTS - 1) {
                        throw e;
                    }
                    base = shared.model(model).orElse(ClusterRecords.empty(model));
                }
            }
        } catch (RuntimeException e) {
            takeBack(model);
            throw e;
        } finally {
            read.remove(model);
        }
    }

    private DesiredModel write(String model, DesiredModel base, ModelRecord after) {
        if (after == null) {
            shared.remove(model, base.revision());
            applied.remove(model);
            return null;
        }
        DesiredModel written = shared.write(ClusterRecords.toDesired(after, base.revision()));
        applied.put(model, written.revision());
        return written;
    }

    /** What this node applies once the desired record is written: the record as stored, with local states. */
    private UnaryOperator<ModelRecord> local(String model, DesiredModel written) {
        if (written == null) {
            return r -> null;
        }
        Set<String> stored = new HashSet<>(localVersions(model));
        return r -> ClusterRecords.toLocal(written, r, stored::contains,
                v -> serving.peek(model, v).isPresent());
    }

    /** A change serves only versions this node has warmed: those of the change itself, and those it keeps. */
    private void warm(String model, Set<String> versions) {
        for (String version : versions) {
            try {
                prepare(model, version);
                serving.ensureLoaded(model, version, true);
            } catch (ModelLoadException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }

    private void forgetDeleted(String model, ModelRecord before, ModelRecord after) {
        for (String version : before.versions().keySet()) {
            if (after == null || !after.versions().containsKey(version)) {
                try {
                    shared.deleteVersion(model, version);
                } catch (RuntimeException e) {
                    LOG.warn("Version {}/{} is deleted, but its files stay in the cluster's store: {}", model,
                            version, e.getMessage());
                }
            }
        }
    }

    /** Removes a version stored here whose publication failed, so no node ever sees it. */
    private void takeBack(String model) {
        String version = unpublished.remove(model);
        if (version == null) {
            return;
        }
        try {
            store.delete(model, version);
        } catch (IOException e) {
            LOG.warn("Cannot remove unpublished version {}/{}: {}", model, version, e.getMessage());
        }
    }

    private List<String> localVersions(String model) {
        try {
            return store.versions(model);
        } catch (IOException e) {
            return List.of();
        }
    }
}
