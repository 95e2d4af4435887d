package io.merx.events.kafka.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.events.EventType;
import io.merx.events.internal.EventServiceImpl;

/** The consumer against a real Kafka 4 broker (KRaft) and the real events service: no mock anywhere. */
class KafkaEventsTest {

    @TempDir
    static Path brokerDir;

    private static KafkaBroker broker;

    @TempDir
    Path eventsDir;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaBroker.start(brokerDir);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    private static String event(String id, String type, String item) {
        return "{\"id\": \"" + id + "\", \"type\": \"" + type + "\", \"user\": \"u1\", \"item\": \"" + item
                + "\", \"value\": 2.5, \"timestamp\": \"2026-03-01T12:00:00Z\"}";
    }

    private static KafkaSettings settings(String bootstrap, String topic, String group) {
        return new KafkaSettings(bootstrap, topic, group, Duration.ofMillis(200), 500, "earliest", Map.of());
    }

    private static ConsumerStatus await(EventPump pump, Predicate<ConsumerStatus> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.test(pump.status())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached in 30 s: " + pump.status());
            }
            Thread.sleep(50);
        }
        return pump.status();
    }

    private static long committed(String group) throws ExecutionException, InterruptedException {
        try (Admin admin = broker.admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            return offsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
        }
    }

    private static long exported(EventServiceImpl events) throws IOException {
        StringWriter csv = new StringWriter();
        return events.exportCsv(EnumSet.allOf(EventType.class), csv);
    }

    @Test
    void validEventsAreStoredBadOnesSkippedDuplicatesCountedOnceAndARestartRereadsNothing() throws Exception {
        broker.createTopic("shop-events", 2);
        broker.send("shop-events", List.of("u1", "u2", "u3", "u4", "u5", "u6", "u1"), List.of(
                event("e1", "view", "p1"),
                event("e2", "click", "p1"),
                event("e3", "purchase", "p1"),
                event("e4", "add_to_cart", "p2"),
                event("bad-1", "buy", "p2"),
                "not json at all",
                event("e1", "view", "p1")));
        try (EventServiceImpl events = EventServiceImpl.open(eventsDir)) {
            try (EventPump pump = new EventPump(settings(broker.bootstrap(), "shop-events", "g1"), events,
                    Duration.ofSeconds(60))) {
                pump.start();
                ConsumerStatus status = await(pump, s -> s.records() == 7 && s.commits() > 0);
                assertEquals(4, status.accepted());
                assertEquals(1, status.duplicates(), "e1 twice is stored once");
                assertEquals(2, status.invalid());
                assertTrue(status.lastError() != null && status.lastError().contains("offset"), status.lastError());
                assertEquals(List.of("shop-events-0", "shop-events-1"), status.assigned());
            }
            assertEquals(7, committed("g1"), "every record's offset is committed, the bad ones too");
            assertEquals(4, exported(events), "four events in the log");
        }

        // A restart (a new service on the same log and a new consumer of the same group) reads only what is new.
        broker.send("shop-events", List.of("u7", "u2"), List.of(event("e5", "purchase", "p3"),
                event("e2", "click", "p1")));
        try (EventServiceImpl events = EventServiceImpl.open(eventsDir)) {
            try (EventPump pump = new EventPump(settings(broker.bootstrap(), "shop-events", "g1"), events,
                    Duration.ofSeconds(60))) {
                pump.start();
                ConsumerStatus status = await(pump, s -> s.records() == 2 && s.commits() > 0);
                assertEquals(1, status.accepted());
                assertEquals(1, status.duplicates(), "e2 sent again is recognised across the restart");
                assertEquals(0, status.invalid(), "the bad records before the restart are not read again");
            }
            assertEquals(9, committed("g1"));
            assertEquals(5, exported(events));
        }
    }

    @Test
    void aBatchTheLogCannotStoreIsNotCommittedAndIsReadAgain() throws Exception {
        broker.createTopic("retry-events", 1);
        broker.send("retry-events", List.of("u1", "u1"), List.of(event("r1", "view", "p1"),
                event("r2", "view", "p2")));
        EventServiceImpl closed = EventServiceImpl.open(eventsDir);
        closed.close(); // its log now throws IOException on every append: a real disk failure as ingest sees it
        try (EventPump pump = new EventPump(settings(broker.bootstrap(), "retry-events", "g2"), closed,
                Duration.ofSeconds(60))) {
            pump.start();
            ConsumerStatus status = await(pump, s -> s.failedIngests() >= 2);
            assertEquals(0, status.commits());
            assertEquals(0, status.accepted());
            assertTrue(status.lastError().contains("nothing committed"), status.lastError());
        }
        assertEquals(0, committed("g2"), "no offset was committed");
        try (EventServiceImpl events = EventServiceImpl.open(eventsDir);
                EventPump pump = new EventPump(settings(broker.bootstrap(), "retry-events", "g2"), events,
                        Duration.ofSeconds(60))) {
            pump.start();
            ConsumerStatus status = await(pump, s -> s.commits() > 0);
            assertEquals(2, status.accepted(), "both events were read again and stored");
        }
        assertEquals(2, committed("g2"));
    }

    @Test
    void withoutABrokerItWarnsKeepsTryingAndStopsCleanly() throws Exception {
        String nobody;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            nobody = "127.0.0.1:" + socket.getLocalPort();
        }
        try (EventServiceImpl events = EventServiceImpl.open(eventsDir)) {
            EventPump pump = new EventPump(settings(nobody, "shop-events", "g3"), events, Duration.ofSeconds(1));
            pump.start();
            ConsumerStatus status = await(pump, s -> s.lastError() != null);
            assertTrue(status.lastError().contains("is a broker reachable at " + nobody), status.lastError());
            assertTrue(pump.isRunning(), "it keeps trying");
            pump.close();
            assertFalse(pump.isRunning(), "close stops the poll thread");
        }
    }

    @Test
    void aBrokerThatGoesAwayAndComesBackIsReadFromAgain() throws Exception {
        broker.createTopic("outage-events", 1);
        broker.send("outage-events", List.of("u1"), List.of(event("o1", "view", "p1")));
        try (EventServiceImpl events = EventServiceImpl.open(eventsDir);
                EventPump pump = new EventPump(settings(broker.bootstrap(), "outage-events", "g4"), events,
                        Duration.ofSeconds(60))) {
            pump.start();
            await(pump, s -> s.commits() > 0);
            broker.restart(() -> assertTrue(pump.isRunning(), "the consumer outlives its broker"));
            broker.send("outage-events", List.of("u1"), List.of(event("o2", "view", "p2")));
            ConsumerStatus status = await(pump, s -> s.accepted() == 2);
            assertEquals(0, status.duplicates());
        }
        assertEquals(2, committed("g4"));
    }
}
