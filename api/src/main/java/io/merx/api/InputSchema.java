package io.merx.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The typed description of what a scorer accepts. Callers read it to build requests; the runtime validates
 * every request against it before the scorer sees it, so scorers can trust shapes and bounds.
 *
 * <pre>{@code
 * InputSchema schema = InputSchema.of(FieldSpec.vector("x", 3, "features"));
 * schema.validate(request.inputs()); // IllegalArgumentException: "field 'x' must have 3 elements, got 2"
 * }</pre>
 *
 * @param fields the inputs, in documentation order
 * @param allowUnknown whether inputs not listed are accepted (otherwise they are rejected, catching typos)
 */
public record InputSchema(List<FieldSpec> fields, boolean allowUnknown) {

    public InputSchema {
        fields = List.copyOf(fields);
        Map<String, FieldSpec> seen = new LinkedHashMap<>();
        for (FieldSpec field : fields) {
            if (seen.put(field.name(), field) != null) {
                throw new IllegalArgumentException("field '" + field.name() + "' is declared twice");
            }
        }
    }

    /** A strict schema with the given fields. */
    public static InputSchema of(FieldSpec... fields) {
        return new InputSchema(List.of(fields), false);
    }

    /** The field with this name, or null. */
    public FieldSpec field(String name) {
        for (FieldSpec field : fields) {
            if (field.name().equals(name)) {
                return field;
            }
        }
        return null;
    }

    /**
     * Checks inputs against this schema.
     *
     * @throws IllegalArgumentException naming the first offending field and what is wrong with it
     */
    public void validate(Map<String, Object> inputs) {
        for (FieldSpec field : fields) {
            Object value = inputs.get(field.name());
            if (value == null) {
                if (field.required()) {
                    throw new IllegalArgumentException("missing required field '" + field.name() + "' ("
                            + field.type().name().toLowerCase(java.util.Locale.ROOT) + ")");
                }
                continue;
            }
            check(field, value);
        }
        if (!allowUnknown) {
            for (String name : inputs.keySet()) {
                if (field(name) == null) {
                    throw new IllegalArgumentException("unknown field '" + name + "'; expected one of "
                            + fields.stream().map(FieldSpec::name).toList());
                }
            }
        }
    }

    private static void check(FieldSpec field, Object value) {
        String name = field.name();
        switch (field.type()) {
            case NUMBER -> checkRange(field, name, Values.toDouble(name, value));
            case INTEGER -> checkRange(field, name, Values.toLong(name, value));
            case STRING -> checkSize(field, Values.toText(name, value).length(), "characters");
            case BOOLEAN -> Values.toBoolean(name, value);
            case VECTOR -> {
                double[] vector = Values.toVector(name, value);
                checkSize(field, vector.length, "elements");
                for (int i = 0; i < vector.length; i++) {
                    checkRange(field, name + "[" + i + "]", vector[i]);
                }
            }
            case STRING_LIST -> checkSize(field, Values.toTextList(name, value).size(), "elements");
            case OBJECT -> {
                if (!(value instanceof Map<?, ?>)) {
                    throw new IllegalArgumentException(
                            "field '" + name + "' must be an object, got " + Values.describe(value));
                }
            }
        }
    }

    private static void checkRange(FieldSpec field, String name, double value) {
        if (value < field.min() || value > field.max()) {
            throw new IllegalArgumentException("field '" + name + "' must be between " + field.min() + " and "
                    + field.max() + ", got " + value);
        }
    }

    private static void checkSize(FieldSpec field, int size, String unit) {
        int limit = field.sizeLimit();
        switch (field.sizeRule()) {
            case EXACTLY -> {
                if (size != limit) {
                    throw new IllegalArgumentException(
                            "field '" + field.name() + "' must have " + limit + " " + unit + ", got " + size);
                }
            }
            case AT_MOST -> {
                if (size > limit) {
                    throw new IllegalArgumentException(
                            "field '" + field.name() + "' is too long: " + size + " > " + limit);
                }
            }
            case NONE -> {
            }
        }
    }
}
