package io.merx.runtime.internal;

import java.io.IOException;
import java.util.function.UnaryOperator;

import io.merx.api.runtime.ModelNotFoundException;

/** A single node: the local registry is the record of truth, and a change is applied as it is. */
final class LocalLedger implements Ledger {

    private final ModelStore store;
    private final ModelRegistry registry;
    private final Catalog catalog;

    LocalLedger(ModelStore store, ModelRegistry registry, Catalog catalog) {
        this.store = store;
        this.registry = registry;
        this.catalog = catalog;
    }

    @Override
    public ModelRecord record(String model) throws ModelNotFoundException {
        return catalog.record(model);
    }

    @Override
    public String nextVersion(String model) throws IOException {
        long last = registry.get(model).map(ModelRecord::lastVersion).orElse(0L);
        for (String stored : store.versions(model)) {
            last = Math.max(last, Long.parseLong(stored));
        }
        return Long.toString(last + 1);
    }

    @Override
    public void stored(String model, String version) {
        // the local store is all there is
    }

    @Override
    public void prepare(String model, String version) {
        // every version of the registry is in the local store
    }

    @Override
    public UnaryOperator<ModelRecord> publish(String model, UnaryOperator<ModelRecord> change, boolean rebase) {
        return change;
    }
}
