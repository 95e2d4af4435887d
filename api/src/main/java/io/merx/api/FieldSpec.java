package io.merx.api;

import java.util.Objects;

/**
 * One input of a scorer: its name, JSON shape, whether it is required, and bounds.
 *
 * @param name input name, as it appears in the request
 * @param type JSON shape
 * @param required whether a request must contain it
 * @param description one line for API users
 * @param min smallest allowed number (or vector element), or {@code -Infinity}
 * @param max largest allowed number (or vector element), or {@code +Infinity}
 * @param size exact vector length when positive; maximum string/list length when negative; 0 for no limit
 */
public record FieldSpec(String name, FieldType type, boolean required, String description, double min, double max,
        int size) {

    public FieldSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        if (min > max) {
            throw new IllegalArgumentException("field '" + name + "': min " + min + " > max " + max);
        }
    }

    /** A required input of the given type with no bounds. */
    public static FieldSpec required(String name, FieldType type, String description) {
        return new FieldSpec(name, type, true, description, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0);
    }

    /** An optional input of the given type with no bounds. */
    public static FieldSpec optional(String name, FieldType type, String description) {
        return new FieldSpec(name, type, false, description, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0);
    }

    /** A required vector of exactly {@code size} finite numbers. */
    public static FieldSpec vector(String name, int size, String description) {
        return new FieldSpec(name, FieldType.VECTOR, true, description, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, size);
    }

    /** The same field with numeric bounds. */
    public FieldSpec withRange(double newMin, double newMax) {
        return new FieldSpec(name, type, required, description, newMin, newMax, size);
    }
}
