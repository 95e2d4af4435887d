package io.merx.api.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * One thing a shopper did, as the shop reports it. The constructor checks every field and throws
 * {@link InvalidEventException} naming it.
 *
 * <pre>{@code
 * Event e = Event.of("ev-1", "purchase", "u1", "p9", 25.0, "2026-03-01T12:00:00Z", requestId, null);
 * }</pre>
 *
 * @param id the shop's event id, unique per event: a re-sent event with the same id is counted once
 * @param type what happened
 * @param user who did it (required)
 * @param item what it was done to; required for every type but {@link EventType#CUSTOM}
 * @param value a number the event carries, e.g. the revenue of a purchase; finite and not negative, 0 if absent
 * @param timestamp when it happened, by the shop's clock
 * @param requestId the {@code requestId} of the score response that showed the item, or null
 * @param model the model whose answer the shop showed, or null; limits attribution to that model
 * @since 1.0
 */
public record Event(String id, EventType type, String user, String item, double value, Instant timestamp,
        String requestId, String model) {

    /** Longest id, user, item, request id or model name accepted. */
    public static final int MAX_TEXT_LENGTH = 256;

    /** Checks every field. */
    public Event {
        id = text("id", id, true);
        if (type == null) {
            throw new InvalidEventException("type", "is required (one of " + EventType.NAMES + ")");
        }
        user = text("user", user, true);
        item = text("item", item, type != EventType.CUSTOM);
        if (!Double.isFinite(value) || value < 0) {
            throw new InvalidEventException("value", "must be a finite number >= 0, got " + value);
        }
        if (timestamp == null) {
            throw new InvalidEventException("timestamp", "is required (ISO-8601, e.g. 2026-03-01T12:00:00Z)");
        }
        requestId = text("requestId", requestId, false);
        model = text("model", model, false);
    }

    /**
     * An event from its JSON values: {@code type} by wire name, {@code timestamp} as ISO-8601 with an offset
     * ({@code 2026-03-01T12:00:00Z}, {@code 2026-03-01T13:00:00+01:00}), {@code value} null for 0.
     *
     * @throws InvalidEventException naming the first field at fault
     */
    public static Event of(String id, String type, String user, String item, Double value, String timestamp,
            String requestId, String model) {
        text("id", id, true);
        if (type == null) {
            throw new InvalidEventException("type", "is required (one of " + EventType.NAMES + ")");
        }
        return new Event(id, EventType.fromWireName(type), user, item, value == null ? 0 : value,
                instant(timestamp), requestId, model);
    }

    private static Instant instant(String text) {
        if (text == null) {
            throw new InvalidEventException("timestamp", "is required (ISO-8601, e.g. 2026-03-01T12:00:00Z)");
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("timestamp", "must be ISO-8601 with an offset, e.g."
                    + " 2026-03-01T12:00:00Z, got '" + abbreviate(text) + "'");
        }
    }

    private static String text(String field, String value, boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                throw new InvalidEventException(field, "is required");
            }
            return null;
        }
        if (value.length() > MAX_TEXT_LENGTH) {
            throw new InvalidEventException(field, "is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new InvalidEventException(field, "must not contain control characters");
            }
        }
        return value;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
