package io.merx.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Validated hyper-parameter values for one training run: every declared parameter has a value of its type
 * within its bounds, and no undeclared parameter is present. Immutable; {@link #toString()} lists them all.
 *
 * <pre>{@code
 * HyperParameters hp = HyperParameters.of(kind.parameters(), Map.of("rank", 32, "alpha", "40"));
 * int rank = hp.getInt("rank");
 * }</pre>
 */
public final class HyperParameters {

    private final Map<String, Object> values;

    private HyperParameters(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Validates given values against the specs and fills in defaults. Values may be typed (numbers, booleans)
     * or strings as typed in a shell ({@code "0.01"}, {@code "true"}).
     *
     * @throws IllegalArgumentException naming the parameter, the bad value and what was expected
     */
    public static HyperParameters of(List<ParameterSpec> specs, Map<String, ?> given) {
        Map<String, ParameterSpec> byName = new LinkedHashMap<>();
        specs.forEach(spec -> byName.put(spec.name(), spec));
        for (String name : given.keySet()) {
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException("unknown hyper-parameter '" + name + "'; known: " + byName.keySet());
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterSpec spec : specs) {
            Object raw = given.get(spec.name());
            values.put(spec.name(), raw == null ? spec.defaultValue() : convert(spec, raw));
        }
        return new HyperParameters(values);
    }

    private static Object convert(ParameterSpec spec, Object raw) {
        String name = spec.name();
        switch (spec.type()) {
            case INTEGER -> {
                long value;
                if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                    value = n.longValue();
                } else if (raw instanceof String s) {
                    try {
                        value = Long.parseLong(s.trim());
                    } catch (NumberFormatException e) {
                        throw bad(spec, raw, "an integer");
                    }
                } else {
                    throw bad(spec, raw, "an integer");
                }
                if (!spec.accepts(value)) {
                    throw bad(spec, raw, spec.expected());
                }
                return value;
            }
            case REAL -> {
                double value;
                if (raw instanceof Number n) {
                    value = n.doubleValue();
                } else if (raw instanceof String s) {
                    try {
                        value = Double.parseDouble(s.trim());
                    } catch (NumberFormatException e) {
                        throw bad(spec, raw, "a number");
                    }
                } else {
                    throw bad(spec, raw, "a number");
                }
                if (!spec.accepts(value)) {
                    throw bad(spec, raw, spec.expected());
                }
                return value;
            }
            case BOOLEAN -> {
                if (raw instanceof Boolean b) {
                    return b;
                }
                if (raw instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
                    return Boolean.parseBoolean(s);
                }
                throw bad(spec, raw, "true or false");
            }
            case CHOICE -> {
                if (spec.accepts(raw)) {
                    return raw;
                }
                throw bad(spec, raw, spec.expected());
            }
            default -> {
                if (raw instanceof String s) {
                    return s;
                }
                throw bad(spec, raw, "a string");
            }
        }
    }

    private static IllegalArgumentException bad(ParameterSpec spec, Object raw, String expected) {
        return new IllegalArgumentException(
                "hyper-parameter '" + spec.name() + "' must be " + expected + ", got '" + raw + "'");
    }

    /**
     * An integer parameter as an {@code int}.
     *
     * @throws IllegalArgumentException when no parameter has this name
     * @throws ArithmeticException when the value does not fit an {@code int}
     */
    public int getInt(String name) {
        return Math.toIntExact(getLong(name));
    }

    /**
     * An integer parameter.
     *
     * @throws IllegalArgumentException when no parameter has this name
     */
    public long getLong(String name) {
        return ((Number) get(name)).longValue();
    }

    /**
     * A real (or integer) parameter.
     *
     * @throws IllegalArgumentException when no parameter has this name
     */
    public double getDouble(String name) {
        return ((Number) get(name)).doubleValue();
    }

    /**
     * A boolean parameter.
     *
     * @throws IllegalArgumentException when no parameter has this name
     */
    public boolean getBoolean(String name) {
        return (Boolean) get(name);
    }

    /**
     * A string or choice parameter.
     *
     * @throws IllegalArgumentException when no parameter has this name
     */
    public String getString(String name) {
        return (String) get(name);
    }

    private Object get(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no hyper-parameter '" + name + "'; known: " + values.keySet());
        }
        return value;
    }

    /** All values, in declaration order. */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HyperParameters other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("HyperParameters{");
        new TreeMap<>(values).forEach((k, v) -> sb.append(sb.length() > 16 ? ", " : "").append(k).append('=')
                .append(v instanceof Double d ? String.format(Locale.ROOT, "%g", d) : v));
        return sb.append('}').toString();
    }
}
