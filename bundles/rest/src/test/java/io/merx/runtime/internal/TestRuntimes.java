package io.merx.runtime.internal;

import java.io.IOException;
import java.nio.file.Path;

import io.merx.api.ModelKind;
import io.merx.api.runtime.ModelRuntime;

/**
 * Builds the real runtime for REST tests the way the runtime's own tests do: on a temporary store, with a kind
 * bound by hand. Lives in the runtime's package to reach its package-private constructor.
 */
public final class TestRuntimes {

    private TestRuntimes() {
    }

    /** A started runtime; close it with {@link #close(ModelRuntime)}. */
    public static ModelRuntime create(Path store, ModelKind kind) throws IOException {
        ModelRuntimeImpl runtime = new ModelRuntimeImpl(RuntimeSettings.defaults(store));
        runtime.bindKind(kind);
        return runtime;
    }

    public static void close(ModelRuntime runtime) {
        ((ModelRuntimeImpl) runtime).close();
    }
}
