package io.merx.api.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class EventTest {

    private static final String TS = "2026-03-01T12:00:00Z";

    private static InvalidEventException invalid(Runnable r) {
        return assertThrows(InvalidEventException.class, r::run);
    }

    @Test
    void anUnknownTypeIsRefusedListingTheTypes() {
        InvalidEventException e = invalid(() -> Event.of("e1", "buy", "u1", "p1", null, TS, null, null));
        assertEquals("type", e.field());
        assertEquals("type must be one of view, click, add_to_cart, purchase, custom, got 'buy'", e.getMessage());
    }

    @Test
    void missingFieldsAreNamed() {
        assertEquals("id", invalid(() -> Event.of(null, "view", "u1", "p1", null, TS, null, null)).field());
        assertEquals("type", invalid(() -> Event.of("e1", null, "u1", "p1", null, TS, null, null)).field());
        assertEquals("user", invalid(() -> Event.of("e1", "view", "", "p1", null, TS, null, null)).field());
        assertEquals("item is required",
                invalid(() -> Event.of("e1", "purchase", "u1", null, 3.0, TS, null, null)).getMessage());
        assertEquals("timestamp", invalid(() -> Event.of("e1", "view", "u1", "p1", null, null, null, null)).field());
    }

    @Test
    void aCustomEventNeedsNoItem() {
        assertEquals(null, Event.of("e1", "custom", "u1", null, null, TS, null, null).item());
    }

    @Test
    void aTimestampWithoutOffsetIsRefusedWithAnExample() {
        InvalidEventException e = invalid(() -> Event.of("e1", "view", "u1", "p1", null, "2026-03-01 12:00", null,
                null));
        assertEquals("timestamp must be ISO-8601 with an offset, e.g. 2026-03-01T12:00:00Z, got '2026-03-01 12:00'",
                e.getMessage());
    }

    @Test
    void offsetsAreNormalisedToAnInstant() {
        assertEquals(Instant.parse("2026-03-01T11:00:00Z"),
                Event.of("e1", "view", "u1", "p1", null, "2026-03-01T12:00:00+01:00", null, null).timestamp());
    }

    @Test
    void aNegativeOrNonFiniteValueIsRefused() {
        assertEquals("value must be a finite number >= 0, got -5.0",
                invalid(() -> Event.of("e1", "purchase", "u1", "p1", -5.0, TS, null, null)).getMessage());
        assertEquals("value", invalid(() -> Event.of("e1", "purchase", "u1", "p1", Double.NaN, TS, null, null))
                .field());
    }

    @Test
    void longAndControlCharacterIdsAreRefused() {
        assertEquals("id is longer than 256 characters",
                invalid(() -> Event.of("x".repeat(257), "view", "u1", "p1", null, TS, null, null)).getMessage());
        assertEquals("user must not contain control characters",
                invalid(() -> Event.of("e1", "view", "u\n1", "p1", null, TS, null, null)).getMessage());
    }

    @Test
    void fromJsonKeepsTheJsonTypesStrictAndRefusesUnknownFields() {
        java.util.Map<String, Object> ok = new java.util.HashMap<>(java.util.Map.of("id", "e1", "type", "purchase",
                "user", "u1", "item", "p1", "value", 12, "timestamp", TS));
        assertEquals(Event.of("e1", "purchase", "u1", "p1", 12.0, TS, null, null), Event.fromJson(ok));

        ok.put("value", "12");
        InvalidEventException text = invalid(() -> Event.fromJson(ok));
        assertEquals("value must be a number, got string \"12\"", text.getMessage());

        ok.put("value", 12);
        ok.put("user", java.util.List.of("u1"));
        assertEquals("user must be a string, got an array", invalid(() -> Event.fromJson(ok)).getMessage());

        ok.put("user", "u1");
        ok.put("revenue", 3);
        InvalidEventException unknown = invalid(() -> Event.fromJson(ok));
        assertEquals("revenue", unknown.field());
        assertEquals("revenue is not a field of an event; an event has id, type, user, item, value, timestamp,"
                + " requestId, model", unknown.getMessage());
    }
}
