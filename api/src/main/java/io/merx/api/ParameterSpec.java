package io.merx.api;

import java.util.List;
import java.util.Objects;

/**
 * One hyper-parameter a kind accepts: name, type, default and bounds. {@link HyperParameters#of} validates
 * user-supplied values against these specs.
 *
 * @param name parameter name, e.g. {@code rank}
 * @param type its type
 * @param defaultValue used when the user gives none; never null
 * @param min smallest allowed value for numbers (inclusive)
 * @param max largest allowed value for numbers (inclusive)
 * @param choices allowed values for {@link ParameterType#CHOICE}, empty otherwise
 * @param description one line for operators
 */
public record ParameterSpec(String name, ParameterType type, Object defaultValue, double min, double max,
        List<String> choices, String description) {

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue of " + name);
        choices = List.copyOf(choices);
        description = description == null ? "" : description;
    }

    /** An integer parameter in [min, max]. */
    public static ParameterSpec integer(String name, long defaultValue, long min, long max, String description) {
        return new ParameterSpec(name, ParameterType.INTEGER, defaultValue, min, max, List.of(), description);
    }

    /** A real-valued parameter in [min, max]. */
    public static ParameterSpec real(String name, double defaultValue, double min, double max, String description) {
        return new ParameterSpec(name, ParameterType.REAL, defaultValue, min, max, List.of(), description);
    }

    /** A boolean parameter. */
    public static ParameterSpec bool(String name, boolean defaultValue, String description) {
        return new ParameterSpec(name, ParameterType.BOOLEAN, defaultValue, 0, 1, List.of(), description);
    }

    /** A free-text parameter. */
    public static ParameterSpec text(String name, String defaultValue, String description) {
        return new ParameterSpec(name, ParameterType.STRING, defaultValue, 0, 0, List.of(), description);
    }

    /** One of a fixed set of strings. */
    public static ParameterSpec choice(String name, String defaultValue, List<String> choices, String description) {
        if (!choices.contains(defaultValue)) {
            throw new IllegalArgumentException("default '" + defaultValue + "' of " + name + " is not a choice");
        }
        return new ParameterSpec(name, ParameterType.CHOICE, defaultValue, 0, 0, choices, description);
    }
}
