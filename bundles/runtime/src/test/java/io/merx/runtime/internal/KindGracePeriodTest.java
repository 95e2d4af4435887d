package io.merx.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.runtime.ModelUnavailableException;
import io.merx.testkit.LinearTestKind;

/** A bundle update unregisters the old kind before registering the new one: requests must not notice. */
class KindGracePeriodTest {

    @TempDir
    Path dir;

    private Fixture fixture(long graceMillis) throws Exception {
        Fixture fx = new Fixture(dir, new RuntimeSettings(dir.resolve("store"), 1 << 20, 1 << 20, 1, 100, graceMillis,
                false,
                java.util.Map.of(), false));
        fx.runtime.activate("price", fx.train("price", 3));
        return fx;
    }

    @Test
    void versionsKeepServingWhileTheKindIsBeingReplaced() throws Exception {
        try (Fixture fx = fixture(60_000)) {
            fx.runtime.unbindKind(fx.kind);
            fx.runtime.awaitMaintenance();
            assertEquals("1", fx.runtime.score("price", Fixture.request(null, 0.5, 0)).version(),
                    "still served by the departed kind's scorer during the grace period");
            assertFalse(fx.kind.loaded().get(0).isClosed());

            LinearTestKind updated = new LinearTestKind("1.1.0");
            fx.runtime.bindKind(updated);
            fx.runtime.awaitMaintenance();
            assertEquals(1, updated.loaded().size(), "reloaded with the new code");
            assertTrue(fx.kind.loaded().get(0).isClosed(), "old scorer drained and closed");
            assertEquals(2.5, fx.runtime.score("price", Fixture.request(null, 0.5, 0)).result().number("score"), 0.05);
        }
    }

    @Test
    void versionsBecomeUnavailableWhenNoReplacementArrives() throws Exception {
        try (Fixture fx = fixture(200)) {
            fx.runtime.unbindKind(fx.kind);
            fx.runtime.awaitMaintenance();
            long deadline = System.currentTimeMillis() + 10_000;
            while (!fx.kind.loaded().get(0).isClosed() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
                fx.runtime.awaitMaintenance();
            }
            assertTrue(fx.kind.loaded().get(0).isClosed(), "unloaded after the grace period");
            ModelUnavailableException e = assertThrows(ModelUnavailableException.class,
                    () -> fx.runtime.score("price", Fixture.request(null, 0, 0)));
            assertEquals("kind 'test.linear' [1.0,2) is not installed", e.getMessage());
        }
    }
}
