package io.merx.experiments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.events.Event;
import io.merx.api.events.EventType;
import io.merx.api.events.Impression;
import io.merx.api.experiments.ExperimentReport;
import io.merx.api.experiments.ExperimentSpec;
import io.merx.api.experiments.ExperimentState;
import io.merx.events.internal.EventServiceImpl;

/** The manager with the real event service: impressions and purchases in, decisions on the runtime out. */
class ExperimentManagerTest {

    @TempDir
    Path dir;
    private EventServiceImpl events;
    private TwoVersionRuntime runtime;
    private final List<ExperimentManager> managers = new ArrayList<>();
    private long requests;

    @BeforeEach
    void open() throws Exception {
        events = EventServiceImpl.open(dir.resolve("events"));
        runtime = new TwoVersionRuntime("recs", "1", "1", "2", "3");
    }

    @AfterEach
    void close() throws Exception {
        managers.forEach(ExperimentManager::close);
        events.close();
    }

    private ExperimentManager manager() throws Exception {
        ExperimentManager m = new ExperimentManager(runtime, events, dir.resolve("experiments"),
                new GuardrailLimits(0.5, 5, 200), null, Clock.systemUTC());
        managers.add(m);
        return m;
    }

    /** Serves {@code n} answers from a version on a route; each converts with the given chance. */
    private void traffic(String version, String route, int n, double conversion, Random random) throws Exception {
        List<Event> purchases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String requestId = "r" + (++requests);
            events.served(new Impression(requestId, "recs", version, route, "u" + requests, List.of("p1"),
                    Instant.now()));
            if (random.nextDouble() < conversion) {
                purchases.add(new Event("e" + requests, EventType.PURCHASE, "u" + requests, "p1", 10, Instant.now(),
                        requestId, "recs"));
            }
        }
        if (!purchases.isEmpty()) {
            events.ingest(purchases);
        }
    }

    @Test
    void aBetterCandidateIsPromotedCountingOnlyTrafficAfterTheStart() throws Exception {
        Random random = new Random(3);
        // before the start: live converts well, and that history must not count for it
        traffic("1", "live", 2000, 0.30, random);
        ExperimentManager manager = manager();
        ExperimentReport started = manager.start(ExperimentSpec.builder("recs", "2").percent(50).minSamples(500)
                .expectedLift(0.5).build());
        assertEquals(List.of("canary 2 50.0"), runtime.calls);
        assertTrue(Files.exists(dir.resolve("experiments").resolve(started.id() + ".json")));
        for (int round = 0; round < 20 && manager.get(started.id()).orElseThrow().state() == ExperimentState.RUNNING;
                round++) {
            traffic("1", "live", 250, 0.10, random);
            traffic("2", "canary", 250, 0.20, random);
            manager.evaluate();
        }
        ExperimentReport report = manager.get(started.id()).orElseThrow();
        assertEquals(ExperimentState.PROMOTED, report.state(), report.reason());
        assertEquals("2", runtime.live());
        assertTrue(report.control().rate() < 0.15, "history counted: " + report.control());
        assertTrue(report.liftLow() > 0 && report.pValue() <= 0.05, report.toString());
    }

    @Test
    void aRunningExperimentContinuesAfterARestartAndStopClearsItsCanary() throws Exception {
        Random random = new Random(5);
        ExperimentManager first = manager();
        ExperimentReport started = first.start(ExperimentSpec.builder("recs", "2").percent(20).build());
        traffic("1", "live", 300, 0.1, random);
        traffic("2", "canary", 100, 0.1, random);
        first.evaluate();
        ExperimentReport before = first.get(started.id()).orElseThrow();
        first.close();

        ExperimentManager second = manager();
        ExperimentReport after = second.get(started.id()).orElseThrow();
        assertEquals(before, after);
        assertEquals(ExperimentState.RUNNING, after.state());
        traffic("2", "canary", 50, 0.1, random);
        second.evaluate();
        assertEquals(150, second.get(started.id()).orElseThrow().candidate().impressions());
        assertThrows(IllegalStateException.class,
                () -> second.start(ExperimentSpec.builder("recs", "3").percent(20).build()));

        ExperimentReport stopped = second.stop(started.id());
        assertEquals(ExperimentState.STOPPED, stopped.state());
        assertEquals(null, runtime.canary());
        assertEquals("1", runtime.live());
        assertEquals(ExperimentState.STOPPED, manager().get(started.id()).orElseThrow().state());
    }

    @Test
    void anOperatorsCanaryChangeEndsTheExperimentWithoutTouchingTheirSetting() throws Exception {
        ExperimentManager manager = manager();
        ExperimentReport started = manager.start(ExperimentSpec.builder("recs", "2").percent(20).build());
        runtime.setCanary("recs", "3", 5);
        manager.evaluate();
        ExperimentReport report = manager.get(started.id()).orElseThrow();
        assertEquals(ExperimentState.STOPPED, report.state());
        assertTrue(report.reason().startsWith("the canary was changed by hand to version 3 at 5.0%"), report.reason());
        assertEquals("3", runtime.canary().version());
    }

    @Test
    void aCandidateThatIsLiveOrAModelWithACanaryOrAnUnknownVersionIsRefused() throws Exception {
        ExperimentManager manager = manager();
        IllegalArgumentException live = assertThrows(IllegalArgumentException.class,
                () -> manager.start(ExperimentSpec.builder("recs", "1").percent(20).build()));
        assertTrue(live.getMessage().contains("already live"), live.getMessage());
        assertThrows(io.merx.api.runtime.ModelNotFoundException.class,
                () -> manager.start(ExperimentSpec.builder("recs", "9").percent(20).build()));
        runtime.setCanary("recs", "3", 5);
        assertThrows(IllegalStateException.class,
                () -> manager.start(ExperimentSpec.builder("recs", "2").percent(20).build()));
        assertTrue(manager.list("recs").isEmpty());
    }

    @Test
    void specFieldsAreValidatedByName() {
        IllegalArgumentException percent = assertThrows(IllegalArgumentException.class,
                () -> ExperimentSpec.builder("recs", "2").percent(100).build());
        assertTrue(percent.getMessage().startsWith("percent "), percent.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ExperimentSpec.builder("recs", "two").build()).getMessage().startsWith("version "));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ExperimentSpec.builder("recs", "2").alpha(0.9).build()).getMessage().startsWith("alpha "));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ExperimentSpec.builder("recs", "2").minSamples(10).build()).getMessage()
                .startsWith("minSamples "));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ExperimentSpec.builder("recs", "2").maxImpressions(100).build()).getMessage()
                .startsWith("maxImpressions "));
    }
}
