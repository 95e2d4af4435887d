package io.merx.runtime.internal;

import java.util.function.BooleanSupplier;

import io.merx.api.runtime.CanarySplit;
import io.merx.api.runtime.ModelNotFoundException;
import io.merx.api.runtime.ModelRuntime;

/**
 * Whether the runtime, or one model's version, can answer without loading first. Loaded means warmed: the serving
 * table takes a version only once its warm-up passed. Live counts as ready only with its canary loaded too.
 */
final class Readiness {

    private final ModelRegistry registry;
    private final Catalog catalog;
    private final ServingTable serving;
    private final BooleanSupplier busy;

    /** @param busy whether background work (kind changes, demo training) is still under way */
    Readiness(ModelRegistry registry, Catalog catalog, ServingTable serving, BooleanSupplier busy) {
        this.registry = registry;
        this.catalog = catalog;
        this.serving = serving;
        this.busy = busy;
    }

    /** No background work under way, and every model's live version (and canary) loaded. */
    boolean all() {
        if (busy.getAsBoolean()) {
            return false;
        }
        for (ModelRecord record : registry.all()) {
            if (record.live() != null && !loaded(record, record.live(), true)) {
                return false;
            }
        }
        return true;
    }

    boolean of(String model, String aliasOrVersion) throws ModelNotFoundException {
        ModelRecord record = catalog.record(model);
        return loaded(record, Catalog.resolve(record, aliasOrVersion), ModelRuntime.LIVE.equals(aliasOrVersion));
    }

    private boolean loaded(ModelRecord record, String version, boolean withCanary) {
        CanarySplit canary = record.canary();
        return serving.peek(record.name(), version).isPresent()
                && (!withCanary || canary == null || serving.peek(record.name(), canary.version()).isPresent());
    }
}
