package io.merx.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.ModelLoadException;
import io.merx.api.ScoringException;
import io.merx.api.runtime.ModelNotFoundException;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.ModelUnavailableException;
import io.merx.api.runtime.ModelVersionInfo;
import io.merx.api.runtime.ScoreResponse;
import io.merx.api.runtime.VersionState;
import io.merx.testkit.LinearTestKind;

class ServingTest {

    @TempDir
    Path dir;
    Fixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new Fixture(dir);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void activatedVersionScoresWhatItLearned() throws Exception {
        String v1 = fx.train("price", 3);
        assertEquals(VersionState.READY, fx.runtime.info("price", v1).state());
        assertThrows(ModelUnavailableException.class, () -> fx.runtime.score("price", Fixture.request(null, 0, 0)));

        fx.runtime.activate("price", v1);
        ScoreResponse r = fx.runtime.score("price", Fixture.request(null, 0.5, 0.5));

        assertEquals("1", r.version());
        assertEquals(ModelRuntime.LIVE, r.route());
        assertEquals(3 * 0.5 - 2 * 0.5 + 1, r.result().number("score"), 0.05);
        ModelVersionInfo info = fx.runtime.info("price", "live");
        assertEquals(List.of("live"), info.aliases());
        assertTrue(info.metrics().get("rmse") < 0.05);
        assertEquals(1, info.stats().requests());
    }

    @Test
    void invalidRequestNamesTheField() throws Exception {
        fx.runtime.activate("price", fx.train("price", 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fx.runtime.score("price", new io.merx.api.ScoreRequest(null, Map.of("x", List.of(1.0)))));
        assertTrue(e.getMessage().contains("'x'"), e.getMessage());
        assertThrows(ModelNotFoundException.class, () -> fx.runtime.score("nope", Fixture.request(null, 0, 0)));
        assertThrows(ModelNotFoundException.class,
                () -> fx.runtime.score("price", "staging", Fixture.request(null, 0, 0)));
    }

    @Test
    void aScorerThatWouldAnswerInfinityFailsAsScoringNotAsBadInput() throws Exception {
        fx.runtime.activate("price", fx.train("price", 3));
        ScoringException e = assertThrows(ScoringException.class,
                () -> fx.runtime.score("price", Fixture.request(null, 1e308, -1e308)));
        assertTrue(e.getMessage().contains("output 'score' must be a finite number"), e.getMessage());
    }

    @Test
    void swapUnderConcurrentScoringLosesNoRequestAndClosesOldScorers() throws Exception {
        String v1 = fx.train("price", 3);
        String v2 = fx.train("price", 5);
        fx.runtime.activate("price", v1);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong served = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch started = new CountDownLatch(4);
        List<Future<Long>> failures = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            failures.add(pool.submit(() -> {
                long failed = 0;
                started.countDown();
                while (running.get()) {
                    try {
                        fx.runtime.score("price", Fixture.request(null, 0.1, 0.2));
                        served.incrementAndGet();
                    } catch (Exception e) {
                        failed++;
                    }
                }
                return failed;
            }));
        }
        started.await();
        for (int swap = 0; swap < 20; swap++) {
            fx.runtime.activate("price", swap % 2 == 0 ? v2 : v1);
        }
        running.set(false);
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        for (Future<Long> f : failures) {
            assertEquals(0L, f.get(), "failed requests");
        }
        assertTrue(served.get() > 0);
        List<LinearTestKind.LinearScorer> scorers = List.copyOf(fx.kind.loaded());
        assertEquals(21, scorers.size(), "every activation loaded a fresh scorer");
        long open = scorers.stream().filter(s -> !s.isClosed()).count();
        assertEquals(1, open, "only the live scorer stays open once requests drained");
        assertFalse(scorers.get(scorers.size() - 1).isClosed());
    }

    @Test
    void failedWarmupKeepsOldVersionServing() throws Exception {
        String good = fx.train("price", 3);
        fx.runtime.activate("price", good);
        String broken = fx.train("price", 4, Map.of("brokenWarmup", "true"));

        ModelLoadException e = assertThrows(ModelLoadException.class, () -> fx.runtime.activate("price", broken));

        assertTrue(e.getMessage().contains("warm-up sample 1 failed"), e.getMessage());
        assertEquals(good, fx.runtime.score("price", Fixture.request(null, 0, 0)).version());
        ModelVersionInfo info = fx.runtime.info("price", broken);
        assertEquals(VersionState.FAILED, info.state());
        assertTrue(info.failureReason().contains("'x' must have 2 elements"), info.failureReason());
        assertTrue(fx.kind.loaded().get(fx.kind.loaded().size() - 1).isClosed(), "failed scorer closed");
    }

    @Test
    void rollbackReturnsToPreviousLiveVersion() throws Exception {
        String v1 = fx.train("price", 3);
        String v2 = fx.train("price", 5);
        fx.runtime.activate("price", v1);
        fx.runtime.activate("price", v2);

        assertEquals(v1, fx.runtime.rollback("price").version());

        assertEquals(v1, fx.runtime.score("price", Fixture.request(null, 0, 0)).version());
        assertEquals(VersionState.RETIRED, fx.runtime.info("price", v2).state());
        assertThrows(IllegalStateException.class, () -> fx.runtime.rollback("price"));
    }

    @Test
    void pinnedVersionAndAliasesServeTheirVersion() throws Exception {
        String v1 = fx.train("price", 3);
        String v2 = fx.train("price", 5);
        fx.runtime.activate("price", v1);
        fx.runtime.setAlias("price", "staging", v2);

        assertEquals(v2, fx.runtime.score("price", "staging", Fixture.request(null, 0, 0)).version());
        ScoreResponse pinned = fx.runtime.score("price", v2, Fixture.request(null, 0, 0));
        assertEquals(ScoreResponse.ROUTE_PINNED, pinned.route());
        assertEquals(2, fx.runtime.scoreBatch("price", "live",
                List.of(Fixture.request(null, 0, 0), Fixture.request(null, 1, 1))).size());
        assertThrows(IllegalArgumentException.class, () -> fx.runtime.setAlias("price", "../x", v1));
    }

    @Test
    void deleteRefusesAliasedVersion() throws Exception {
        String v1 = fx.train("price", 3);
        String v2 = fx.train("price", 5);
        fx.runtime.activate("price", v1);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> fx.runtime.delete("price", v1));
        assertTrue(e.getMessage().contains("live"), e.getMessage());

        fx.runtime.delete("price", v2);
        assertThrows(ModelNotFoundException.class, () -> fx.runtime.info("price", v2));
        assertFalse(Files.exists(dir.resolve("store/price/2")));
        assertEquals("3", fx.train("price", 4), "deleted version numbers are not reused");
    }
}
