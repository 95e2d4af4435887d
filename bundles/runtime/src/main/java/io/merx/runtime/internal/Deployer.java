package io.merx.runtime.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.api.ModelLoadException;
import io.merx.api.TrainedModel;
import io.merx.api.runtime.CanarySplit;
import io.merx.api.runtime.ModelNotFoundException;
import io.merx.api.runtime.VersionState;

/**
 * Changes what serves: adds versions, moves aliases, canary and shadow, deletes. Changes to one model are
 * serialised; each loads and warms the target before the registry switches to it, then retires what nothing
 * references any more, so a failed load leaves the old version serving. Each change is checked against, and
 * published to, the {@link Ledger} (the local registry, or a cluster's desired state) before this node applies it.
 */
final class Deployer {

    private static final Logger LOG = LoggerFactory.getLogger(Deployer.class);

    private final ModelStore store;
    private final ModelRegistry registry;
    private final ServingTable serving;
    private final ShadowRunner shadow;
    private final TrafficStats stats;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private volatile Ledger ledger;

    Deployer(ModelStore store, ModelRegistry registry, ServingTable serving, Catalog catalog, ShadowRunner shadow,
            TrafficStats stats) {
        this.store = store;
        this.registry = registry;
        this.serving = serving;
        this.shadow = shadow;
        this.stats = stats;
        this.ledger = new LocalLedger(store, registry, catalog);
    }

    /** Switches to a cluster's desired state; set once, before the runtime is used. */
    void useLedger(Ledger clusterLedger) {
        this.ledger = clusterLedger;
    }

    /** The lock that serialises changes to one model; the cluster's reconciler takes it too. */
    Object lock(String model) {
        return locks.computeIfAbsent(model, m -> new Object());
    }

    /** Saves a trained model as the model's next version, READY but not serving. */
    String save(String model, TrainedModel trained) throws IOException {
        synchronized (lock(model)) {
            String version = ledger.nextVersion(model);
            store.save(model, version, trained, trained.provenance().kind(), Instant.now());
            ledger.stored(model, version);
            update(model, r -> r.withVersion(version, new ModelRecord.Status(VersionState.READY, null)), true);
            return version;
        }
    }

    /** Moves a filled staging directory in as the model's next version. */
    String install(String model, java.nio.file.Path staging, ArtifactManifest manifest) throws IOException {
        synchronized (lock(model)) {
            String version = ledger.nextVersion(model);
            store.install(staging, manifest.renamed(model, version));
            ledger.stored(model, version);
            update(model, r -> r.withVersion(version, new ModelRecord.Status(VersionState.NEW, null)), true);
            return version;
        }
    }

    /** Fetches the version when this node lacks it, then loads and warms it. */
    private void load(String model, String version) throws ModelLoadException {
        ledger.prepare(model, version);
        serving.ensureLoaded(model, version, true);
    }

    void setAlias(String model, String alias, String version) throws ModelNotFoundException, ModelLoadException {
        Names.alias(alias);
        synchronized (lock(model)) {
            Catalog.requireVersion(ledger.record(model), version);
            load(model, version);
            update(model, r -> r.withAlias(alias, version));
            retireUnreferenced(model);
            LOG.info("Alias {} of {} now points at version {}", alias, model, version);
        }
    }

    String rollback(String model) throws ModelNotFoundException, ModelLoadException {
        synchronized (lock(model)) {
            List<String> history = ledger.record(model).liveHistory();
            if (history.isEmpty()) {
                throw new IllegalStateException("model '" + model + "' has no earlier live version to roll back to");
            }
            String previous = history.get(history.size() - 1);
            load(model, previous);
            update(model, r -> r.rolledBack(previous));
            retireUnreferenced(model);
            LOG.info("Rolled {} back to version {}", model, previous);
            return previous;
        }
    }

    void removeAlias(String model, String alias) throws ModelNotFoundException {
        synchronized (lock(model)) {
            if (!ledger.record(model).aliases().containsKey(alias)) {
                throw new ModelNotFoundException("model '" + model + "' has no alias '" + alias + "'");
            }
            update(model, r -> r.withoutAlias(alias));
            retireUnreferenced(model);
        }
    }

    void setCanary(String model, String version, double percent) throws ModelNotFoundException, ModelLoadException {
        CanarySplit split = new CanarySplit(version, percent);
        synchronized (lock(model)) {
            requireOtherThanLive(ledger.record(model), version, "canary");
            load(model, version);
            update(model, r -> r.withCanary(split));
            retireUnreferenced(model);
            LOG.info("Canary of {}: version {} takes {}% of live traffic", model, version, percent);
        }
    }

    void setShadow(String model, String version) throws ModelNotFoundException, ModelLoadException {
        synchronized (lock(model)) {
            requireOtherThanLive(ledger.record(model), version, "shadow");
            load(model, version);
            shadow.reset(model, version);
            update(model, r -> r.withShadow(version));
            retireUnreferenced(model);
            LOG.info("Shadow of {}: version {} scores a copy of live traffic", model, version);
        }
    }

    void clearCanary(String model) throws ModelNotFoundException {
        synchronized (lock(model)) {
            ledger.record(model);
            update(model, r -> r.withCanary(null));
            retireUnreferenced(model);
        }
    }

    void clearShadow(String model) throws ModelNotFoundException {
        synchronized (lock(model)) {
            ledger.record(model);
            update(model, r -> r.withShadow(null));
            retireUnreferenced(model);
        }
    }

    void delete(String model, String version) throws ModelNotFoundException, IOException {
        synchronized (lock(model)) {
            ModelRecord record = ledger.record(model);
            Catalog.requireVersion(record, version);
            List<String> users = record.referencesTo(version);
            if (!users.isEmpty()) {
                throw new IllegalStateException("version " + version + " of " + model + " is in use as "
                        + String.join(", ", users) + "; point them at another version first");
            }
            UnaryOperator<ModelRecord> local = ledger.publish(model, r -> {
                ModelRecord rest = r.withoutVersion(version);
                return rest.versions().isEmpty() ? null : rest;
            }, false);
            serving.unload(model, version);
            store.delete(model, version);
            registry.update(model, local);
            stats.forget(model, version);
        }
    }

    private static void requireOtherThanLive(ModelRecord record, String version, String what)
            throws ModelNotFoundException {
        Catalog.requireVersion(record, version);
        if (record.live() == null) {
            throw new IllegalStateException("model '" + record.name() + "' has no live version to " + what);
        }
        if (record.live().equals(version)) {
            throw new IllegalArgumentException("version " + version + " is already live; a " + what
                    + " needs another version");
        }
    }

    /** Unloads versions no alias, canary or shadow points at. */
    void retireUnreferenced(String model) {
        Set<String> referenced = new HashSet<>();
        registry.get(model).ifPresent(r -> {
            referenced.addAll(r.aliases().values());
            if (r.canary() != null) {
                referenced.add(r.canary().version());
            }
            if (r.shadow() != null) {
                referenced.add(r.shadow());
            }
        });
        serving.retireUnreferenced(model, referenced);
    }

    private void update(String model, UnaryOperator<ModelRecord> change) {
        update(model, change, false);
    }

    private void update(String model, UnaryOperator<ModelRecord> change, boolean rebase) {
        UnaryOperator<ModelRecord> local = ledger.publish(model, change, rebase);
        try {
            registry.update(model, local);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist the model registry: " + e.getMessage(), e);
        }
    }
}
