package io.merx.events.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.events.Event;
import io.merx.api.events.EventListener;
import io.merx.api.events.EventType;
import io.merx.api.events.Impression;
import io.merx.api.events.IngestResult;
import io.merx.api.events.VersionMetrics;

class EventServiceTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(T0);

    private EventServiceImpl open() throws IOException {
        return new EventServiceImpl(EventsSettings.defaults(dir), clock);
    }

    private static Event event(String id, String type, String user, String item, double value, String requestId) {
        return Event.of(id, type, user, item, value, "2026-03-01T12:00:00Z", requestId, null);
    }

    private Impression served(String requestId, String version, String route, String user, String... items) {
        return new Impression(requestId, "recs", version, route, user, List.of(items), clock.instant());
    }

    private static VersionMetrics only(List<VersionMetrics> metrics, String version, String route) {
        return metrics.stream().filter(m -> m.version().equals(version) && m.route().equals(route)).findFirst()
                .orElseThrow(() -> new AssertionError("no metrics for " + version + "/" + route + ": " + metrics));
    }

    @Test
    void aUsersHistoryIsTheirLatestEventsOfTheAskedTypesNewestFirstAlsoAfterARestart() throws IOException {
        try (EventServiceImpl events = open()) {
            events.ingest(List.of(event("h1", "purchase", "u1", "p1", 10, null),
                    event("h2", "view", "u1", "p2", 0, null), event("h3", "purchase", "u2", "p3", 5, null),
                    event("h4", "purchase", "u1", "p4", 7, null), event("h5", "purchase", "u1", "p5", 3, null)));
        }
        try (EventServiceImpl events = open()) {
            assertEquals(List.of("h5", "h4"), events.history("u1", Set.of(EventType.PURCHASE), 2).stream()
                    .map(Event::id).toList());
            assertEquals(List.of("h5", "h4", "h2", "h1"), events.history("u1",
                    Set.of(EventType.PURCHASE, EventType.VIEW), 10).stream().map(Event::id).toList());
            assertEquals(List.of(), events.history("nobody", Set.of(EventType.PURCHASE), 10));
            IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                    () -> events.history(" ", Set.of(EventType.PURCHASE), 10));
            assertTrue(blank.getMessage().contains("user"), blank.getMessage());
        }
    }

    @Test
    void aResentEventCountsOnceAlsoAfterARestart() throws IOException {
        try (EventServiceImpl events = open()) {
            IngestResult first = events.ingest(List.of(event("e1", "view", "u1", "p1", 0, null),
                    event("e2", "view", "u1", "p2", 0, null), event("e1", "view", "u1", "p1", 0, null)));
            assertEquals(new IngestResult(2, 1, 0), first, "the same id twice in one batch is a duplicate");
        }
        try (EventServiceImpl events = open()) {
            IngestResult again = events.ingest(List.of(event("e2", "view", "u1", "p2", 0, null),
                    event("e3", "view", "u1", "p3", 0, null)));
            assertEquals(new IngestResult(1, 1, 0), again);
            StringWriter csv = new StringWriter();
            assertEquals(3, events.exportCsv(Set.of(EventType.VIEW), csv), "each event stored once");
        }
    }

    @Test
    void listenersGetEachStoredBatchWithoutDuplicatesAndAFailingOneNeitherStopsIngestionNorTheOthers()
            throws Exception {
        BlockingQueue<List<String>> received = new LinkedBlockingQueue<>();
        CountDownLatch failingCalled = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        EventListener failing = batch -> {
            failingCalled.countDown();
            throw new IllegalStateException("listener bug");
        };
        EventListener slow = batch -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try (EventServiceImpl events = open()) {
            events.addListener(failing, Map.of());
            events.addListener(slow, Map.of());
            events.addListener(batch -> received.add(batch.stream().map(Event::id).toList()), Map.of());
            events.ingest(List.of(event("e1", "view", "u1", "p1", 0, null), event("e1", "view", "u1", "p1", 0, null),
                    event("e2", "click", "u1", "p2", 0, null)));
            // The slow listener has not returned, yet ingestion goes on.
            events.ingest(List.of(event("e2", "click", "u1", "p2", 0, null), event("e3", "purchase", "u2", "p3", 9,
                    null)));
            events.ingest(List.of(event("e3", "purchase", "u2", "p3", 9, null)));
            assertEquals(List.of("e1", "e2"), received.poll(10, TimeUnit.SECONDS));
            assertEquals(List.of("e3"), received.poll(10, TimeUnit.SECONDS), "a batch of only duplicates is not sent");
            assertTrue(failingCalled.await(10, TimeUnit.SECONDS), "the failing listener is called for every batch");
            release.countDown();
            assertNull(received.poll(100, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void aListenerAskingForAReplayGetsTheRecentStoredEventsAfterARestartThenTheLiveOnesNothingTwice()
            throws Exception {
        try (EventServiceImpl events = open()) {
            events.ingest(List.of(Event.of("old", "view", "u1", "p1", null, "2026-03-01T10:00:00Z", null, null),
                    event("e1", "view", "u1", "p2", 0, null), event("e2", "purchase", "u2", "p3", 5, null)));
        }
        BlockingQueue<List<String>> received = new LinkedBlockingQueue<>();
        try (EventServiceImpl events = open()) {
            events.addListener(batch -> received.add(batch.stream().map(Event::id).toList()),
                    Map.of(EventListener.REPLAY_SECONDS, 3600L));
            events.ingest(List.of(event("e2", "purchase", "u2", "p3", 5, null), event("e3", "click", "u1", "p4", 0,
                    null)));
            assertEquals(List.of("e1", "e2"), received.poll(10, TimeUnit.SECONDS), "stored within the hour");
            assertEquals(List.of("e3"), received.poll(10, TimeUnit.SECONDS), "then the live batch, without e2");
            assertNull(received.poll(100, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void anEventNamingTheRequestIdIsAttributedToItsVersionAndRoute() throws IOException {
        try (EventServiceImpl events = open()) {
            events.served(served("r1", "2", "canary", "u1", "p1", "p2"));
            events.served(served("r2", "1", "live", "u2", "p1"));
            IngestResult result = events.ingest(List.of(event("e1", "click", "u1", "p9", 0, "r1"),
                    event("e2", "purchase", "u1", "p9", 25.5, "r1")));
            assertEquals(2, result.attributed(), "a request id names the response whatever item was bought");
            VersionMetrics canary = only(events.metrics("recs"), "2", "canary");
            assertEquals(1, canary.impressions());
            assertEquals(1, canary.clicks());
            assertEquals(1, canary.conversions());
            assertEquals(25.5, canary.revenue());
            VersionMetrics live = only(events.metrics("recs"), "1", "live");
            assertEquals(0, live.clicks());
        }
    }

    @Test
    void anEventWithoutRequestIdIsAttributedByUserAndRecommendedItemWithinTheWindow() throws IOException {
        try (EventServiceImpl events = open()) {
            events.served(served("r1", "1", "live", "u1", "p1", "p2"));
            clock.advance(Duration.ofMinutes(5));
            events.served(served("r2", "2", "canary", "u1", "p2", "p3"));
            clock.advance(Duration.ofMinutes(5));
            events.ingest(List.of(event("e1", "click", "u1", "p2", 0, null), // newest showing p2: r2
                    event("e2", "click", "u1", "p1", 0, null), // only r1 showed p1
                    event("e3", "click", "u1", "p7", 0, null), // never shown: stored, unattributed
                    event("e4", "click", "u9", "p1", 0, null))); // another user: unattributed
            assertEquals(1, only(events.metrics("recs"), "2", "canary").clicks());
            assertEquals(1, only(events.metrics("recs"), "1", "live").clicks());

            clock.advance(Duration.ofMinutes(21)); // r1 is now 31 minutes old, r2 26
            IngestResult late = events.ingest(List.of(event("e5", "add_to_cart", "u1", "p1", 0, null),
                    event("e6", "add_to_cart", "u1", "p3", 0, null)));
            assertEquals(1, late.attributed(), "r1 left the 30-minute window, r2 is still in it");
            assertEquals(0, only(events.metrics("recs"), "1", "live").addToCarts());
            assertEquals(1, only(events.metrics("recs"), "2", "canary").addToCarts());
            assertEquals(6, events.exportCsv(Set.of(EventType.CLICK, EventType.ADD_TO_CART), new StringWriter()),
                    "unattributed events are stored too");
        }
    }

    @Test
    void anEventNamingAnotherModelIsNotAttributedToThisOne() throws IOException {
        try (EventServiceImpl events = open()) {
            events.served(served("r1", "1", "live", "u1", "p1"));
            Event other = Event.of("e1", "click", "u1", "p1", null, "2026-03-01T12:00:00Z", "r1", "search");
            assertNull(events.attribute(other, clock.instant()));
            assertEquals(0, events.ingest(List.of(other)).attributed());
        }
    }

    @Test
    void metricsAndAttributionMemoryAreRebuiltFromTheLogOnStart() throws IOException {
        try (EventServiceImpl events = open()) {
            for (int i = 0; i < 40; i++) {
                events.served(served("r" + i, "3", "live", "u" + i, "p1", "p2"));
            }
            List<Event> batch = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                batch.add(event("c" + i, "click", "u" + i, "p1", 0, "r" + i));
            }
            batch.add(event("b1", "purchase", "u1", "p2", 10, null));
            batch.add(event("b2", "purchase", "u2", "p2", 5, null));
            events.ingest(batch);
            events.flushImpressions();
        }
        clock.advance(Duration.ofMinutes(1));
        try (EventServiceImpl events = open()) {
            VersionMetrics m = only(events.metrics("recs"), "3", "live");
            assertEquals(40, m.impressions());
            assertEquals(10, m.clicks());
            assertEquals(2, m.conversions());
            assertEquals(15.0, m.revenue());
            assertEquals(0.25, m.ctr().rate());
            assertEquals(0.05, m.conversionRate().rate());
            // the served responses within the window came back too: a click after the restart is attributed
            assertEquals(1, events.ingest(List.of(event("c20", "click", "u20", "p2", 0, null))).attributed());
            assertEquals(11, only(events.metrics("recs"), "3", "live").clicks());
        }
    }

    @Test
    void exportIsTheRecommendationKindsCsv() throws IOException {
        try (EventServiceImpl events = open()) {
            events.ingest(List.of(Event.of("e1", "purchase", "u1", "p1", 3.0, "2026-03-01T12:00:00Z", null, null),
                    Event.of("e2", "view", "u1", "p2", null, "2026-03-01T12:01:00Z", null, null),
                    Event.of("e3", "purchase", "u2", "p,3", 1.0, "2026-03-01T13:02:00+01:00", null, null),
                    Event.of("e4", "custom", "u2", null, null, "2026-03-01T12:03:00Z", null, null)));
            StringWriter csv = new StringWriter();
            assertEquals(2, events.exportCsv(Set.of(EventType.PURCHASE), csv));
            assertEquals("user,item,weight,timestamp,value\n"
                    + "u1,p1,1,2026-03-01T12:00:00Z,3\n"
                    + "u2,\"p,3\",1,2026-03-01T12:02:00Z,1\n", csv.toString());
        }
    }
}
