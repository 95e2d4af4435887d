package io.merx.runtime.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.api.ModelLoadException;
import io.merx.runtime.cluster.ConcurrentChangeException;
import io.merx.runtime.cluster.DesiredModel;
import io.merx.runtime.cluster.SharedState;
import io.merx.runtime.cluster.SharedStateUnavailableException;

/**
 * Makes this node serve what the cluster's desired state says, one model at a time under the Deployer's lock of
 * that model: fetch the versions it lacks, load and warm every version the record references, and only then switch
 * the local registry to the desired aliases, canary, shadow and history, retire what nothing references and delete
 * the versions the cluster no longer has. A fetch or load that fails leaves the model serving what it served, and
 * the next pass tries again.
 */
final class ClusterReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterReconciler.class);
    private static final java.time.Duration EVER = java.time.Duration.ofDays(365L * 100);

    private final SharedState shared;
    private final ClusterLedger ledger;
    private final Deployer deployer;
    private final ModelStore store;
    private final ModelRegistry registry;
    private final ServingTable serving;
    private final ShadowRunner shadow;
    private final TrafficStats stats;
    private final VersionFetcher fetcher;
    /** Why a model is not at its desired revision, so the log says it once rather than every pass. */
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private volatile boolean converged;
    private volatile boolean convergedOnce;

    ClusterReconciler(SharedState shared, ClusterLedger ledger, Deployer deployer, ModelStore store,
            ModelRegistry registry, ServingTable serving, ShadowRunner shadow, TrafficStats stats,
            VersionFetcher fetcher) {
        this.shared = shared;
        this.ledger = ledger;
        this.deployer = deployer;
        this.store = store;
        this.registry = registry;
        this.serving = serving;
        this.shadow = shadow;
        this.stats = stats;
        this.fetcher = fetcher;
    }

    /** Whether the last full pass ended with every model at its desired revision. */
    boolean converged() {
        return converged;
    }

    /** Whether a full pass has converged since start; a node is ready only from then on. */
    boolean convergedOnce() {
        return convergedOnce;
    }

    /**
     * The first node of a new cluster (no models, and no node has ever reported) publishes its models, so turning
     * cluster mode on for a single node keeps them. Otherwise the desired state wins, and models only this node has
     * are deleted by the first pass: a node that was down while operators deleted every model does not bring them
     * back.
     */
    void publishLocalModelsIfFirst() throws IOException {
        if (!shared.models().isEmpty() || !shared.nodes(EVER).isEmpty()) {
            return;
        }
        for (ModelRecord record : registry.all()) {
            if (record.versions().isEmpty()) {
                continue;
            }
            synchronized (deployer.lock(record.name())) {
                for (String version : record.versions().keySet()) {
                    shared.publishVersion(record.name(), version, store.directory(record.name(), version));
                }
                try {
                    DesiredModel written = shared.write(ClusterRecords.toDesired(record, 0));
                    ledger.applied(record.name(), written.revision());
                    LOG.info("Published {} with versions {} to the cluster, which had no models", record.name(),
                            record.versions().keySet());
                } catch (ConcurrentChangeException e) {
                    LOG.info("Another node published {} first; this node follows it", record.name());
                }
            }
        }
    }

    /** One pass over every model the cluster or this node has; returns whether all are at their desired revision. */
    boolean reconcileAll() {
        List<DesiredModel> desired = shared.models();
        Set<String> names = new TreeSet<>();
        desired.forEach(d -> names.add(d.name()));
        registry.all().forEach(r -> names.add(r.name()));
        try {
            names.addAll(store.models());
        } catch (IOException e) {
            LOG.warn("Cannot list the model store: {}", e.getMessage());
        }
        boolean all = true;
        for (String name : names) {
            Optional<DesiredModel> listed = desired.stream().filter(d -> d.name().equals(name)).findFirst();
            all &= listed.isPresent() && upToDate(listed.get()) || reconcile(name);
        }
        converged = all;
        if (all && !convergedOnce) {
            convergedOnce = true;
            LOG.info("This node serves the cluster's desired state of {} models", desired.size());
        }
        return all;
    }

    /**
     * Brings one model to its desired state, reading it under the model's lock so a change this node published
     * meanwhile is never undone by an older read.
     *
     * @return whether the model is at its desired revision now
     */
    boolean reconcile(String model) {
        synchronized (deployer.lock(model)) {
            Optional<DesiredModel> desired = shared.model(model);
            try {
                boolean done = desired.isEmpty() || desired.get().versions().isEmpty() ? removeLocal(model)
                        : apply(desired.get());
                if (done && failures.remove(model) != null) {
                    LOG.info("{} is at its desired state again", model);
                }
                return done;
            } catch (SharedStateUnavailableException e) {
                throw e;
            } catch (IOException | ModelLoadException | RuntimeException e) {
                failed(model, e.getMessage());
                return false;
            }
        }
    }

    private boolean upToDate(DesiredModel desired) {
        return desired.revision() == ledger.applied(desired.name()) && registry.get(desired.name()).isPresent()
                && desired.versions().stream().allMatch(v -> fetcher.isLocal(desired.name(), v));
    }

    private boolean apply(DesiredModel desired) throws IOException, ModelLoadException {
        String model = desired.name();
        if (upToDate(desired)) {
            return true;
        }
        boolean complete = true;
        for (String version : desired.versions()) {
            try {
                if (fetcher.ensureLocal(model, version)) {
                    LOG.info("Fetched {}/{} from the cluster", model, version);
                }
            } catch (IOException e) {
                failed(model, e.getMessage());
                complete = false;
            }
        }
        for (String version : ClusterRecords.referenced(desired)) {
            if (!fetcher.isLocal(model, version)) {
                return false;
            }
            serving.ensureLoaded(model, version, true);
        }
        // Everything the record serves is warmed: switch.
        ModelRecord before = registry.get(model).orElse(null);
        if (desired.shadow() != null && (before == null || !desired.shadow().equals(before.shadow()))) {
            shadow.reset(model, desired.shadow());
        }
        Set<String> stored = new HashSet<>(store.versions(model));
        registry.update(model, r -> ClusterRecords.toLocal(desired, r, stored::contains,
                v -> serving.peek(model, v).isPresent()));
        deployer.retireUnreferenced(model);
        for (String version : stored) {
            if (!desired.versions().contains(version)) {
                serving.unload(model, version);
                store.delete(model, version);
                stats.forget(model, version);
            }
        }
        ledger.applied(model, desired.revision());
        LOG.info("{} now serves revision {} of the cluster's desired state: {}", model, desired.revision(),
                desired.aliases());
        return complete;
    }

    /** The cluster no longer has the model (or never had it): so neither does this node. */
    private boolean removeLocal(String model) throws IOException {
        List<String> stored = new ArrayList<>(store.versions(model));
        if (registry.get(model).isEmpty() && stored.isEmpty()) {
            return true;
        }
        registry.update(model, r -> null);
        serving.retireUnreferenced(model, Set.of());
        for (String version : stored) {
            store.delete(model, version);
            stats.forget(model, version);
        }
        ledger.forget(model);
        LOG.info("Removed {} from this node: the cluster does not have it", model);
        return true;
    }

    private void failed(String model, String reason) {
        if (!reason.equals(failures.put(model, reason))) {
            LOG.warn("{} cannot reach its desired state on this node yet ({}); it keeps serving what it served and"
                    + " retries on the next pass", model, reason);
        }
    }
}
