package io.merx.api;

import java.util.Locale;
import java.util.Objects;

/**
 * One input of a scorer: its name, JSON shape, whether it is required, and bounds.
 *
 * <pre>{@code
 * FieldSpec.vector("x", 3, "features").withRange(-10, 10);                      // exactly 3 numbers in [-10, 10]
 * FieldSpec.required("text", FieldType.STRING, "the message").withMaxSize(10_000); // at most 10 000 characters
 * }</pre>
 *
 * @param name input name, as it appears in the request
 * @param type JSON shape
 * @param required whether a request must contain it
 * @param description one line for API users
 * @param min smallest allowed number (or vector element), or {@code -Infinity}
 * @param max largest allowed number (or vector element), or {@code +Infinity}
 * @param sizeRule how {@code sizeLimit} bounds the length of a string, string list or vector
 * @param sizeLimit the length the rule compares with; 0 for {@link SizeRule#NONE}
 */
public record FieldSpec(String name, FieldType type, boolean required, String description, double min, double max,
        SizeRule sizeRule, int sizeLimit) {

    /**
     * Checks the spec.
     *
     * @throws IllegalArgumentException naming the field when {@code min > max}, the type has no size but a size
     *         rule is given, or the limit does not fit the rule
     * @since 1.1
     */
    public FieldSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sizeRule, "sizeRule");
        description = description == null ? "" : description;
        if (min > max) {
            throw new IllegalArgumentException("field '" + name + "': min " + min + " > max " + max);
        }
        if (sizeRule == SizeRule.NONE && sizeLimit != 0) {
            throw new IllegalArgumentException("field '" + name
                    + "': size limit must be 0 when there is no size rule, got " + sizeLimit);
        }
        if (sizeRule != SizeRule.NONE) {
            if (!hasSize(type)) {
                throw new IllegalArgumentException("field '" + name + "': a "
                        + type.name().toLowerCase(Locale.ROOT) + " has no size");
            }
            if (sizeLimit < 1) {
                throw new IllegalArgumentException(
                        "field '" + name + "': size limit must be at least 1, got " + sizeLimit);
            }
        }
    }

    /**
     * A field whose size is packed into the sign of one number.
     *
     * @param size exact length when positive; maximum length when negative; 0 for no limit
     * @deprecated the sign carries three meanings; use the canonical constructor with a {@link SizeRule}, or a
     *             factory and {@link #withExactSize}/{@link #withMaxSize}
     */
    @Deprecated(since = "1.1")
    public FieldSpec(String name, FieldType type, boolean required, String description, double min, double max,
            int size) {
        this(name, type, required, description, min, max,
                size > 0 ? SizeRule.EXACTLY : size < 0 ? SizeRule.AT_MOST : SizeRule.NONE, Math.abs(size));
    }

    /** A required input of the given type with no bounds. */
    public static FieldSpec required(String name, FieldType type, String description) {
        return new FieldSpec(name, type, true, description, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                SizeRule.NONE, 0);
    }

    /** An optional input of the given type with no bounds. */
    public static FieldSpec optional(String name, FieldType type, String description) {
        return new FieldSpec(name, type, false, description, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                SizeRule.NONE, 0);
    }

    /** A required vector of exactly {@code size} finite numbers; any length when {@code size} is 0. */
    public static FieldSpec vector(String name, int size, String description) {
        FieldSpec any = required(name, FieldType.VECTOR, description);
        return size == 0 ? any : any.withExactSize(size);
    }

    /** The same field with numeric bounds. */
    public FieldSpec withRange(double newMin, double newMax) {
        return new FieldSpec(name, type, required, description, newMin, newMax, sizeRule, sizeLimit);
    }

    /**
     * The same field whose string, list or vector must have exactly {@code size} characters or elements.
     *
     * @since 1.1
     */
    public FieldSpec withExactSize(int size) {
        return new FieldSpec(name, type, required, description, min, max, SizeRule.EXACTLY, size);
    }

    /**
     * The same field whose string, list or vector may have at most {@code size} characters or elements.
     *
     * @since 1.1
     */
    public FieldSpec withMaxSize(int size) {
        return new FieldSpec(name, type, required, description, min, max, SizeRule.AT_MOST, size);
    }

    /**
     * The size packed into one signed number.
     *
     * @return the limit when {@link SizeRule#EXACTLY}, minus the limit when {@link SizeRule#AT_MOST}, 0 otherwise
     * @deprecated read {@link #sizeRule()} and {@link #sizeLimit()}
     */
    @Deprecated(since = "1.1")
    public int size() {
        return switch (sizeRule) {
            case EXACTLY -> sizeLimit;
            case AT_MOST -> -sizeLimit;
            case NONE -> 0;
        };
    }

    private static boolean hasSize(FieldType type) {
        return type == FieldType.STRING || type == FieldType.STRING_LIST || type == FieldType.VECTOR;
    }
}
