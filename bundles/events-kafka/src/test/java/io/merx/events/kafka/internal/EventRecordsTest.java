package io.merx.events.kafka.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.merx.api.events.Event;
import io.merx.api.events.InvalidEventException;

class EventRecordsTest {

    private final EventRecords records = new EventRecords();

    private InvalidEventException invalid(String value) {
        return assertThrows(InvalidEventException.class,
                () -> records.parse(value == null ? null : value.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aRecordIsOneEventWithTheRestRules() {
        Event e = records.parse(("{\"id\": \"e1\", \"type\": \"purchase\", \"user\": \"u1\", \"item\": \"p1\","
                + " \"value\": 49.9, \"timestamp\": \"2026-03-01T13:00:00+01:00\", \"requestId\": \"r-1\"}")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(Event.of("e1", "purchase", "u1", "p1", 49.9, "2026-03-01T12:00:00Z", "r-1", null), e);
    }

    @Test
    void badRecordsNameTheField() {
        assertEquals("type", invalid("{\"id\": \"e1\", \"type\": \"buy\", \"user\": \"u1\", \"item\": \"p1\","
                + " \"timestamp\": \"2026-03-01T12:00:00Z\"}").field());
        assertEquals("value must be a number, got string \"12\"", invalid("{\"id\": \"e1\", \"type\": \"view\","
                + " \"user\": \"u1\", \"item\": \"p1\", \"value\": \"12\", \"timestamp\": \"2026-03-01T12:00:00Z\"}")
                .getMessage());
        assertEquals("revenue", invalid("{\"id\": \"e1\", \"revenue\": 1}").field());
        assertEquals("record is empty (a tombstone or an empty record), not an event", invalid(null).getMessage());
        assertEquals(EventRecords.RECORD, invalid("[{\"id\": \"e1\"}]").field(), "a batch is not an event");
        assertEquals(EventRecords.RECORD, invalid("{\"id\": \"e1\"").field());
        assertEquals(EventRecords.RECORD, invalid("{\"id\": \"e1\"} {\"id\": \"e2\"}").field(), "two objects in one record");
    }

    @Test
    void settingsRefuseWhatWouldBreakTheGuarantee() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new KafkaSettings(
                "127.0.0.1:9092", "t", "g", Duration.ofSeconds(1), 500, "earliest",
                Map.of("enable.auto.commit", "true")));
        assertEquals("consumerProperties must not set enable.auto.commit: it has its own setting or is fixed by"
                + " the consumer's delivery guarantee", e.getMessage());
        assertEquals("autoOffsetReset must be earliest or latest, got 'none'", assertThrows(
                IllegalArgumentException.class, () -> new KafkaSettings("h:1", "t", "g", Duration.ofSeconds(1), 1,
                        "none", Map.of())).getMessage());
        assertEquals("topic 'shop events' is not a Kafka topic name: at most 249 ASCII letters, digits, '.', '_'"
                + " and '-'", assertThrows(IllegalArgumentException.class,
                () -> new KafkaSettings("h:1", "shop events", "g", Duration.ofSeconds(1), 1, "latest", Map.of()))
                .getMessage());
        assertEquals("bootstrapServers is required", assertThrows(IllegalArgumentException.class,
                () -> new KafkaSettings(" ", "t", "g", Duration.ofSeconds(1), 1, "latest", Map.of())).getMessage());
    }
}
