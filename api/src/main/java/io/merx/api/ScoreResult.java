package io.merx.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a scorer returns: named outputs with JSON-shaped values, in a stable order. Build one with
 * {@link #builder()}.
 *
 * @param outputs the named outputs; never null
 */
public record ScoreResult(Map<String, Object> outputs) {

    /** Copies the outputs, keeping their order; use {@link #builder()} to have numbers checked. */
    public ScoreResult {
        Objects.requireNonNull(outputs, "outputs");
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    /** A required numeric output. */
    public double number(String field) {
        return Values.toDouble(field, Values.require(outputs, field));
    }

    /** A required string output. */
    public String text(String field) {
        return Values.toText(field, Values.require(outputs, field));
    }

    /** Starts a result. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Collects outputs in insertion order. Every {@code put} refuses NaN and infinities, also inside arrays, lists
     * and objects, so a response is always valid JSON and a numeric bug shows where it happened.
     */
    public static final class Builder {
        private final Map<String, Object> outputs = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds a number.
         *
         * @throws NonFiniteOutputException naming the output when the value is NaN or infinite
         */
        public Builder put(String name, double value) {
            checkFinite(Objects.requireNonNull(name, "name"), value);
            outputs.put(name, value);
            return this;
        }

        /**
         * Adds a JSON-shaped value: a number, string, boolean, array, list or map of these.
         *
         * @throws NonFiniteOutputException naming the output (and the element within it) when a number in it is
         *         NaN or infinite
         */
        public Builder put(String name, Object value) {
            Objects.requireNonNull(name, "name");
            checkFinite(name, Objects.requireNonNull(value, name));
            outputs.put(name, value);
            return this;
        }

        /** The result with the outputs put so far. */
        public ScoreResult build() {
            return new ScoreResult(outputs);
        }

        private static void checkFinite(String path, Object value) {
            if (value instanceof Double || value instanceof Float) {
                checkFinite(path, ((Number) value).doubleValue());
            } else if (value instanceof double[] array) {
                for (int i = 0; i < array.length; i++) {
                    checkFinite(path + "[" + i + "]", array[i]);
                }
            } else if (value instanceof float[] array) {
                for (int i = 0; i < array.length; i++) {
                    checkFinite(path + "[" + i + "]", array[i]);
                }
            } else if (value instanceof Object[] array) {
                for (int i = 0; i < array.length; i++) {
                    checkFinite(path + "[" + i + "]", array[i]);
                }
            } else if (value instanceof List<?> list) {
                int i = 0;
                for (Object element : list) {
                    checkFinite(path + "[" + i++ + "]", element);
                }
            } else if (value instanceof Map<?, ?> map) {
                map.forEach((key, element) -> checkFinite(path + "." + key, element));
            }
        }

        private static void checkFinite(String path, double value) {
            if (!Double.isFinite(value)) {
                throw new NonFiniteOutputException(path, value);
            }
        }
    }
}
