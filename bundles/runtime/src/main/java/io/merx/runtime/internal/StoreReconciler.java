package io.merx.runtime.internal;

import java.io.IOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.api.runtime.VersionState;

/**
 * Makes the registry agree with the store at startup: versions found on disk but unknown to the registry
 * (copied in by hand, or saved just before a crash) are added as NEW; versions gone from disk are dropped,
 * together with aliases that pointed at them.
 */
final class StoreReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(StoreReconciler.class);

    private final ModelStore store;
    private final ModelRegistry registry;

    StoreReconciler(ModelStore store, ModelRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    void reconcile() throws IOException {
        for (String model : store.models()) {
            try {
                Names.model(model);
            } catch (IllegalArgumentException e) {
                LOG.warn("Ignoring directory {} in the model store: {}", model, e.getMessage());
                continue;
            }
            for (String version : store.versions(model)) {
                boolean known = registry.get(model).map(r -> r.versions().containsKey(version)).orElse(false);
                if (!known) {
                    LOG.info("Found {}/{} in the store; registering it as NEW", model, version);
                    registry.update(model, r -> r.withVersion(version, new ModelRecord.Status(VersionState.NEW, null)));
                }
            }
        }
        for (ModelRecord record : registry.all()) {
            List<String> stored = store.versions(record.name());
            for (String version : record.versions().keySet()) {
                if (!stored.contains(version)) {
                    LOG.warn("Version {}/{} is in the registry but not in the store; forgetting it",
                            record.name(), version);
                    registry.update(record.name(), r -> {
                        ModelRecord rest = r.withoutVersion(version);
                        for (String alias : r.referencesTo(version)) {
                            rest = rest.withoutAlias(alias);
                        }
                        if (rest.canary() != null && rest.canary().version().equals(version)) {
                            rest = rest.withCanary(null);
                        }
                        if (version.equals(rest.shadow())) {
                            rest = rest.withShadow(null);
                        }
                        return rest;
                    });
                }
            }
        }
    }
}
