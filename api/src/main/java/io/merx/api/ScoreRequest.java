package io.merx.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One scoring request: named inputs with JSON-shaped values (numbers, strings, booleans, arrays, objects).
 * The typed accessors throw {@link IllegalArgumentException} naming the field when it is missing or of the
 * wrong type, so plugins get clear errors for free.
 *
 * @param key optional routing key (a user or session id) that keeps canary assignment sticky; may be null
 * @param inputs the named inputs; never null
 */
public record ScoreRequest(String key, Map<String, Object> inputs) {

    /** Copies the inputs, keeping their order. */
    public ScoreRequest {
        Objects.requireNonNull(inputs, "inputs");
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }

    /** A request without a routing key. */
    public static ScoreRequest of(Map<String, ?> inputs) {
        return new ScoreRequest(null, new LinkedHashMap<>(inputs));
    }

    /** True when the input is present and not null. */
    public boolean has(String field) {
        return inputs.get(field) != null;
    }

    /** A required finite number. */
    public double number(String field) {
        return Values.toDouble(field, Values.require(inputs, field));
    }

    /** An optional finite number, or the fallback when absent. */
    public double number(String field, double fallback) {
        return has(field) ? number(field) : fallback;
    }

    /** A required integer (a JSON number without fraction). */
    public long integer(String field) {
        return Values.toLong(field, Values.require(inputs, field));
    }

    /** An optional integer, or the fallback when absent. */
    public long integer(String field, long fallback) {
        return has(field) ? integer(field) : fallback;
    }

    /** A required string. */
    public String text(String field) {
        return Values.toText(field, Values.require(inputs, field));
    }

    /** An optional string, or the fallback when absent. */
    public String text(String field, String fallback) {
        return has(field) ? text(field) : fallback;
    }

    /** An optional boolean, or the fallback when absent. */
    public boolean flag(String field, boolean fallback) {
        return has(field) ? Values.toBoolean(field, inputs.get(field)) : fallback;
    }

    /** A required array of finite numbers (a JSON array, {@code double[]} or {@code float[]}). */
    public double[] vector(String field) {
        return Values.toVector(field, Values.require(inputs, field));
    }

    /** An optional array of strings, or an empty list when absent. */
    public List<String> texts(String field) {
        return has(field) ? Values.toTextList(field, inputs.get(field)) : List.of();
    }
}
