package io.merx.runtime.internal;

import java.nio.file.Path;

import io.merx.testkit.LinearTestKind;

/**
 * A runtime in its own JVM that flips the live alias of model {@code price} between versions 1 and 2 until it
 * is killed; {@link KillDuringActivationTest} kills it with SIGKILL at a random moment.
 */
public final class ActivationLoop {

    private ActivationLoop() {
    }

    public static void main(String[] args) throws Exception {
        ModelRuntimeImpl runtime = new ModelRuntimeImpl(Fixture.settings(Path.of(args[0])));
        runtime.bindKind(new LinearTestKind());
        runtime.awaitMaintenance();
        System.out.println("READY");
        System.out.flush();
        for (long i = 0; ; i++) {
            runtime.activate("price", i % 2 == 0 ? "2" : "1");
            if (i % 10 == 0) {
                System.out.println("activations " + i);
                System.out.flush();
            }
        }
    }
}
