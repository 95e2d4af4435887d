package io.merx.api;

import java.util.List;
import java.util.Objects;

/**
 * One hyper-parameter a kind accepts: name, type, default and bounds. {@link HyperParameters#of} validates
 * user-supplied values against these specs; the spec itself refuses a default its own checks would refuse, so
 * a kind cannot train with a value a user could not have given.
 *
 * <pre>{@code
 * List<ParameterSpec> parameters = List.of(
 *         ParameterSpec.integer("rank", 16, 1, 512, "latent factors"),
 *         ParameterSpec.choice("solver", "cg", List.of("cg", "cholesky"), "how factors are solved"));
 * }</pre>
 *
 * @param name parameter name, e.g. {@code rank}
 * @param type its type
 * @param defaultValue used when the user gives none; never null, of the type (a {@link Number} for
 *        {@link ParameterType#INTEGER} and {@link ParameterType#REAL}) and within the bounds or choices
 * @param min smallest allowed value for numbers (inclusive); not greater than {@code max}
 * @param max largest allowed value for numbers (inclusive)
 * @param choices allowed values for {@link ParameterType#CHOICE}, empty otherwise
 * @param description one line for operators
 */
public record ParameterSpec(String name, ParameterType type, Object defaultValue, double min, double max,
        List<String> choices, String description) {

    /**
     * Checks the spec.
     *
     * @throws IllegalArgumentException naming the parameter when {@code min > max} or the default is not a value
     *         of its type within its bounds or choices
     */
    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue of " + name);
        choices = List.copyOf(choices);
        description = description == null ? "" : description;
        if (Double.isNaN(min) || Double.isNaN(max)) {
            throw new IllegalArgumentException(
                    "hyper-parameter '" + name + "': min and max must be numbers, got " + min + " and " + max);
        }
        if (min > max) {
            throw new IllegalArgumentException(
                    "hyper-parameter '" + name + "': min " + min + " is greater than max " + max);
        }
        if (!accepts(type, defaultValue, min, max, choices)) {
            throw new IllegalArgumentException("default of hyper-parameter '" + name + "' must be "
                    + expected(type, min, max, choices) + ", got '" + defaultValue + "'");
        }
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
        return new ParameterSpec(name, ParameterType.CHOICE, defaultValue, 0, 0, choices, description);
    }

    /**
     * Whether a value, already of this spec's Java type, lies within its bounds or choices: the one rule for
     * defaults and for user values.
     */
    boolean accepts(Object value) {
        return accepts(type, value, min, max, choices);
    }

    /** What a value of this spec must be, in the words of an error message: {@code an integer between 1 and 9}. */
    String expected() {
        return expected(type, min, max, choices);
    }

    private static boolean accepts(ParameterType type, Object value, double min, double max, List<String> choices) {
        return switch (type) {
            case INTEGER -> value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                    && n.doubleValue() >= min && n.doubleValue() <= max;
            case REAL -> value instanceof Number n && Double.isFinite(n.doubleValue())
                    && n.doubleValue() >= min && n.doubleValue() <= max;
            case BOOLEAN -> value instanceof Boolean;
            case STRING -> value instanceof String;
            case CHOICE -> value instanceof String s && choices.contains(s);
        };
    }

    private static String expected(ParameterType type, double min, double max, List<String> choices) {
        return switch (type) {
            case INTEGER -> "an integer between " + (long) min + " and " + (long) max;
            case REAL -> "a number between " + min + " and " + max;
            case BOOLEAN -> "true or false";
            case STRING -> "a string";
            case CHOICE -> "one of " + choices;
        };
    }
}
