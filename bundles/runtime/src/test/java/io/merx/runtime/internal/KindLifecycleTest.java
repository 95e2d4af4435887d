package io.merx.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.runtime.ModelUnavailableException;
import io.merx.testkit.LinearTestKind;

class KindLifecycleTest {

    @TempDir
    Path dir;
    Fixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new Fixture(dir);
        fx.runtime.activate("price", fx.train("price", 3));
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void modelsAreUnavailableWhileTheirKindIsGoneAndServeWhenItReturns() throws Exception {
        fx.runtime.unbindKind(fx.kind);
        fx.runtime.awaitMaintenance();

        ModelUnavailableException e = assertThrows(ModelUnavailableException.class,
                () -> fx.runtime.score("price", Fixture.request(null, 0, 0)));
        assertEquals("kind 'test.linear' [1.0,2) is not installed", e.getMessage());
        assertTrue(fx.kind.loaded().get(0).isClosed(), "scorer of the departed kind closed");

        LinearTestKind back = new LinearTestKind("1.0.1");
        fx.runtime.bindKind(back);
        fx.runtime.awaitMaintenance();

        assertEquals(1, back.loaded().size(), "reloaded in the background when the kind came back");
        assertEquals("1", fx.runtime.score("price", Fixture.request(null, 0, 0)).version());
    }

    @Test
    void newerKindVersionTakesOverWithoutInterruption() throws Exception {
        LinearTestKind newer = new LinearTestKind("1.2.0");
        fx.runtime.bindKind(newer);
        fx.runtime.awaitMaintenance();

        assertEquals(1, newer.loaded().size(), "swapped to the newer kind");
        assertTrue(fx.kind.loaded().get(0).isClosed(), "old kind's scorer drained and closed");
        fx.runtime.unbindKind(fx.kind);
        fx.runtime.awaitMaintenance();
        assertFalse(newer.loaded().get(0).isClosed());
        assertEquals("1", fx.runtime.score("price", Fixture.request(null, 0, 0)).version());

        LinearTestKind incompatible = new LinearTestKind("2.0.0");
        fx.runtime.bindKind(incompatible);
        fx.runtime.unbindKind(newer);
        fx.runtime.awaitMaintenance();
        ModelUnavailableException e = assertThrows(ModelUnavailableException.class,
                () -> fx.runtime.score("price", Fixture.request(null, 0, 0)));
        assertEquals("kind 'test.linear' [1.0,2) is not installed (installed versions: 2.0.0)", e.getMessage());
    }
}
