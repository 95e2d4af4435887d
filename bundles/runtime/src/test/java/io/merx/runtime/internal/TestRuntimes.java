package io.merx.runtime.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import io.merx.api.ModelKind;
import io.merx.api.runtime.ModelRuntime;
import io.merx.testkit.LinearTestKind;

/**
 * Builds the real runtime in-process, the way the runtime's own tests do: on a given store, with a kind (for example
 * the test kit's {@code LinearTestKind}) bound by hand. For the REST tests and the runtime benchmark, which get it
 * from merx-runtime's test jar; it lives in the runtime's package to reach its package-private constructor.
 */
public final class TestRuntimes {

    private TestRuntimes() {
    }

    /**
     * A server's defaults without the kind grace period and demo models, so tests see a kind's absence at once and
     * only the models they train.
     */
    static RuntimeSettings settings(Path store) {
        RuntimeSettings d = RuntimeSettings.defaults(store);
        return new RuntimeSettings(store, d.maxImportBytes(), d.maxConcurrentImportBytes(), d.shadowThreads(),
                d.shadowQueueSize(), 0, false, d.trustedKeys(), d.requireSigned());
    }

    /** A started runtime; close it with {@link #close(ModelRuntime)}. */
    public static ModelRuntime create(Path store, ModelKind kind) throws IOException {
        ModelRuntimeImpl runtime = new ModelRuntimeImpl(settings(store));
        runtime.bindKind(kind);
        return runtime;
    }

    /** A started runtime with no kind bound yet, as right after a restart before the kind bundles start. */
    public static ModelRuntime createWithoutKinds(Path store) throws IOException {
        return new ModelRuntimeImpl(settings(store));
    }

    /** Binds a kind as Declarative Services would, and waits until the loads it starts are done. */
    public static void bind(ModelRuntime runtime, ModelKind kind) throws InterruptedException {
        ((ModelRuntimeImpl) runtime).bindKind(kind);
        ((ModelRuntimeImpl) runtime).awaitMaintenance();
    }

    /**
     * Batches concurrent requests to these models (none: batching off), as the models of pid
     * io.merx.runtime.batching would.
     */
    public static void batch(ModelRuntime runtime, Duration maxDelay, int maxBatchSize, String... models) {
        ((ModelRuntimeImpl) runtime).batching(models.length == 0 ? BatchingPolicy.OFF
                : new BatchingPolicy(Set.of(models), Set.of(), maxDelay, maxBatchSize));
    }

    public static void close(ModelRuntime runtime) {
        ((ModelRuntimeImpl) runtime).close();
    }
}
