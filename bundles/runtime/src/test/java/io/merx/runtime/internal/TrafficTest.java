package io.merx.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.runtime.ScoreResponse;
import io.merx.api.runtime.ShadowReport;

class TrafficTest {

    @TempDir
    Path dir;
    Fixture fx;
    String v1;
    String v2;

    @BeforeEach
    void setUp() throws Exception {
        fx = new Fixture(dir);
        v1 = fx.train("price", 3);
        v2 = fx.train("price", 5);
        fx.runtime.activate("price", v1);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void canaryTakesItsShareAndIsStickyPerKey() throws Exception {
        fx.runtime.setCanary("price", v2, 20);
        int canary = 0;
        for (int user = 0; user < 5000; user++) {
            ScoreResponse r = fx.runtime.score("price", Fixture.request("user-" + user, 0.1, 0.1));
            if (r.route().equals(ScoreResponse.ROUTE_CANARY)) {
                assertEquals(v2, r.version());
                canary++;
            }
        }
        assertEquals(0.20, canary / 5000.0, 0.03, "share of keys on the canary");
        for (int user = 0; user < 50; user++) {
            String first = fx.runtime.score("price", Fixture.request("u" + user, 0, 0)).version();
            for (int again = 0; again < 5; again++) {
                assertEquals(first, fx.runtime.score("price", Fixture.request("u" + user, 0, 0)).version());
            }
        }
        int unkeyed = 0;
        for (int i = 0; i < 5000; i++) {
            if (fx.runtime.score("price", Fixture.request(null, 0, 0)).version().equals(v2)) {
                unkeyed++;
            }
        }
        assertEquals(0.20, unkeyed / 5000.0, 0.03, "share of requests without key");
        assertThrows(IllegalArgumentException.class, () -> fx.runtime.setCanary("price", v1, 10), "live itself");
        assertThrows(IllegalArgumentException.class, () -> fx.runtime.setCanary("price", v2, 0));

        fx.runtime.activate("price", v2);
        assertEquals(null, fx.runtime.models().get(0).canary(), "promoting the canary ends it");
    }

    @Test
    void shadowScoresCopiesOffThePathAndReportsDifferences() throws Exception {
        fx.runtime.setShadow("price", v2);
        for (int i = 0; i < 50; i++) {
            ScoreResponse r = fx.runtime.score("price", Fixture.request(null, 0.5, 0.1));
            assertEquals(v1, r.version(), "callers only see live");
        }
        ShadowReport report = fx.runtime.shadowReport("price");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (report.compared() + report.dropped() < 50 && System.nanoTime() < deadline) {
            Thread.sleep(10);
            report = fx.runtime.shadowReport("price");
        }
        assertEquals(50, report.compared() + report.dropped());
        assertEquals(report.compared(), report.differed(), "slope 5 differs from slope 3 at x1 = 0.5");
        assertEquals(1.0, report.maxAbsDifference(), 0.1);
        assertEquals(0, report.errors());

        fx.runtime.clearShadow("price");
        assertEquals(null, fx.runtime.models().get(0).shadowVersion());
    }
}
