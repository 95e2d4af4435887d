package io.merx.runtime.internal;

import java.io.IOException;
import java.util.function.UnaryOperator;

import io.merx.api.ModelLoadException;
import io.merx.api.runtime.ModelNotFoundException;

/**
 * Where the {@link Deployer} reads the record a change is checked against and publishes the change before this
 * node applies it: the local registry on a single node ({@link LocalLedger}), the shared desired state in a cluster
 * ({@link ClusterLedger}). Called only under the Deployer's lock of the model.
 */
interface Ledger {

    /** The model's record of truth, with at least one version. */
    ModelRecord record(String model) throws ModelNotFoundException;

    /** The number the model's next stored version gets; never one handed out before. */
    String nextVersion(String model) throws IOException;

    /** A version just stored in the local store, before its record change is published. */
    void stored(String model, String version) throws IOException;

    /** Makes a version's files available in the local store, so it can be loaded. */
    void prepare(String model, String version) throws ModelLoadException;

    /**
     * Publishes a change of the model's record and returns the change this node applies to its own registry.
     *
     * @param change applied to the record {@link #record} returned (null removes the model)
     * @param rebase whether the change may be applied again to a newer record when another one got in first
     *        (adding a version whose number {@link #nextVersion} reserved); otherwise that is a conflict
     */
    UnaryOperator<ModelRecord> publish(String model, UnaryOperator<ModelRecord> change, boolean rebase);
}
