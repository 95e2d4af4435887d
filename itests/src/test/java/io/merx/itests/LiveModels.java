package io.merx.itests;

import static org.junit.Assert.fail;

import io.merx.api.runtime.ModelRuntime;

/**
 * Waits for a model to have a live version. A class of its own, not a method of {@link MerxTestSupport}: a test in a
 * stock Karaf (StockKarafIT) must load that base class before any Merx package is installed.
 */
final class LiveModels {

    private LiveModels() {
    }

    /** Returns once {@code model} has a live alias; fails the test after three times the support's time limit. */
    static void await(ModelRuntime runtime, String model) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 3 * MerxTestSupport.TIMEOUT_MS;
        while (runtime.models().stream().noneMatch(m -> m.name().equals(model)
                && m.aliases().containsKey(ModelRuntime.LIVE))) {
            if (System.currentTimeMillis() > deadline) {
                fail("model " + model + " never went live; models: " + runtime.models() + "; jobs: " + runtime.jobs());
            }
            Thread.sleep(200);
        }
    }
}
