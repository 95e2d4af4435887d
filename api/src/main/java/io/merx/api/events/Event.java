package io.merx.api.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

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

    /**
     * The fields of an event's JSON object, in the order the docs list them; any other field is refused.
     *
     * @since 1.1
     */
    public static final List<String> JSON_FIELDS = List.of("id", "type", "user", "item", "value", "timestamp",
            "requestId", "model");

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

    /**
     * An event from its JSON object as a JSON library maps it ({@code String}, {@code Number}, {@code Boolean},
     * {@code List}, {@code Map}, null), with the rules every way in shares ({@code POST /api/v1/events}, the Kafka
     * consumer): only {@link #JSON_FIELDS}, text fields are strings and {@code value} a number (no coercion:
     * {@code "value": "12"} is refused), then {@link #of}.
     *
     * <pre>{@code
     * Event e = Event.fromJson(objectMapper.readValue(bytes, Map.class));
     * }</pre>
     *
     * @throws InvalidEventException naming the first field at fault
     * @since 1.1
     */
    public static Event fromJson(Map<String, ?> fields) {
        for (String name : fields.keySet()) {
            if (!JSON_FIELDS.contains(name)) {
                throw new InvalidEventException(abbreviate(name), "is not a field of an event; an event has "
                        + String.join(", ", JSON_FIELDS));
            }
        }
        Object value = fields.get("value");
        if (value != null && !(value instanceof Number)) {
            throw new InvalidEventException("value", "must be a number, got " + describe(value));
        }
        return of(jsonText(fields, "id"), jsonText(fields, "type"), jsonText(fields, "user"),
                jsonText(fields, "item"), value == null ? null : ((Number) value).doubleValue(),
                jsonText(fields, "timestamp"), jsonText(fields, "requestId"), jsonText(fields, "model"));
    }

    private static String jsonText(Map<String, ?> fields, String field) {
        Object value = fields.get(field);
        if (value != null && !(value instanceof String)) {
            throw new InvalidEventException(field, "must be a string, got " + describe(value));
        }
        return (String) value;
    }

    /** A JSON value as a message shows it: {@code string "12"}, {@code number 12}, {@code an array}. */
    private static String describe(Object value) {
        if (value instanceof String text) {
            return "string \"" + abbreviate(text) + "\"";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return (value instanceof Number ? "number " : "boolean ") + abbreviate(value.toString());
        }
        return value instanceof List ? "an array" : "an object";
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
