package io.merx.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a scorer returns: named outputs with JSON-shaped values, in a stable order. Build one with
 * {@link #builder()}.
 *
 * @param outputs the named outputs; never null
 */
public record ScoreResult(Map<String, Object> outputs) {

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

    /** Collects outputs in insertion order; refuses NaN and infinities so responses are valid JSON. */
    public static final class Builder {
        private final Map<String, Object> outputs = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder put(String name, double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalStateException("output '" + name + "' is not finite: " + value);
            }
            outputs.put(name, value);
            return this;
        }

        public Builder put(String name, Object value) {
            outputs.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, name));
            return this;
        }

        public ScoreResult build() {
            return new ScoreResult(outputs);
        }
    }
}
