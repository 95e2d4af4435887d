package io.merx.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The typed description of what a scorer accepts. Callers read it to build requests; the runtime validates
 * every request against it before the scorer sees it, so scorers can trust shapes and bounds.
 *
 * <pre>{@code
 * InputSchema schema = InputSchema.of(FieldSpec.vector("x", 3, "features"));
 * schema.validate(request.inputs()); // IllegalArgumentException: "field 'x' must have 3 elements, got 2"
 * }</pre>
 *
 * <p>A scorer that answers several kinds of request picks one by a string field, the discriminator, and declares a
 * {@link Variant} per value with the fields that value requires:
 *
 * <pre>{@code
 * InputSchema schema = new InputSchema(List.of(
 *         FieldSpec.required("type", FieldType.STRING, "elasticity or optimize"),
 *         FieldSpec.optional("product", FieldType.STRING, "elasticity: the product"),
 *         FieldSpec.optional("costs", FieldType.OBJECT, "optimize: unit costs")), false)
 *         .withVariant("type", "elasticity", "product")
 *         .withVariant("type", "optimize", "costs");
 * // {"type": "optimize"}: "missing field 'costs' (object), required when 'type' is 'optimize'"
 * // {"type": "forecast"}: "field 'type' must be one of [elasticity, optimize], got 'forecast'"
 * }</pre>
 *
 * @param fields the inputs, in documentation order
 * @param allowUnknown whether inputs not listed are accepted (otherwise they are rejected, catching typos)
 * @param variants the values the discriminator may take, each with the fields it requires; empty when the
 *        schema has no variants
 */
public record InputSchema(List<FieldSpec> fields, boolean allowUnknown, List<Variant> variants) {

    /**
     * One value of the discriminator field and the fields a request with that value must contain. Fields of other
     * variants stay allowed (and checked), they are only not required.
     *
     * @param field the discriminator, a declared {@link FieldType#STRING} field, e.g. {@code type}
     * @param value the value that picks this variant, e.g. {@code optimize}
     * @param required the declared fields this variant requires
     * @since 1.1
     */
    public record Variant(String field, String value, List<String> required) {

        /**
         * Copies the list of required fields.
         *
         * @throws NullPointerException when an argument is null
         */
        public Variant {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
            required = List.copyOf(required);
        }
    }

    /**
     * Checks that field names are unique and that the variants pick by one declared string field and require only
     * declared fields.
     *
     * @throws IllegalArgumentException naming the field or variant at fault
     * @since 1.1
     */
    public InputSchema {
        fields = List.copyOf(fields);
        variants = List.copyOf(variants);
        Map<String, FieldSpec> seen = new LinkedHashMap<>();
        for (FieldSpec field : fields) {
            if (seen.put(field.name(), field) != null) {
                throw new IllegalArgumentException("field '" + field.name() + "' is declared twice");
            }
        }
        Set<String> values = new HashSet<>();
        for (Variant variant : variants) {
            String where = "variant '" + variant.value() + "' of '" + variant.field() + "'";
            FieldSpec discriminator = seen.get(variant.field());
            if (discriminator == null) {
                throw new IllegalArgumentException(where + ": no field '" + variant.field() + "' is declared");
            }
            if (discriminator.type() != FieldType.STRING) {
                throw new IllegalArgumentException(
                        where + ": field '" + variant.field() + "' must be a string to pick a variant");
            }
            if (!variant.field().equals(variants.get(0).field())) {
                throw new IllegalArgumentException("variants are picked by one field; '" + variants.get(0).field()
                        + "' already picks them, not '" + variant.field() + "'");
            }
            for (String name : variant.required()) {
                if (!seen.containsKey(name)) {
                    throw new IllegalArgumentException(where + ": no field '" + name + "' is declared");
                }
            }
            if (!values.add(variant.value())) {
                throw new IllegalArgumentException(where + " is declared twice");
            }
        }
    }

    /**
     * A schema without variants.
     *
     * @throws IllegalArgumentException when a field name is declared twice
     */
    public InputSchema(List<FieldSpec> fields, boolean allowUnknown) {
        this(fields, allowUnknown, List.of());
    }

    /** A strict schema with the given fields. */
    public static InputSchema of(FieldSpec... fields) {
        return new InputSchema(List.of(fields), false);
    }

    /**
     * The same schema with one more variant: when {@code field} has the value {@code value}, the {@code required}
     * fields must be present. Once a schema has variants, its discriminator takes only their values.
     *
     * @throws IllegalArgumentException naming the variant when the field is not a declared string field, a required
     *         field is not declared, or the value already has a variant
     * @since 1.1
     */
    public InputSchema withVariant(String field, String value, String... required) {
        List<Variant> more = new ArrayList<>(variants);
        more.add(new Variant(field, value, List.of(required)));
        return new InputSchema(fields, allowUnknown, more);
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
                            + field.type().name().toLowerCase(Locale.ROOT) + ")");
                }
                continue;
            }
            check(field, value);
        }
        checkVariant(inputs);
        if (!allowUnknown) {
            for (String name : inputs.keySet()) {
                if (field(name) == null) {
                    throw new IllegalArgumentException("unknown field '" + name + "'; expected one of "
                            + fields.stream().map(FieldSpec::name).toList());
                }
            }
        }
    }

    private void checkVariant(Map<String, Object> inputs) {
        if (variants.isEmpty()) {
            return;
        }
        String discriminator = variants.get(0).field();
        Object value = inputs.get(discriminator);
        if (value == null) {
            return; // optional discriminator left out: no variant applies
        }
        for (Variant variant : variants) {
            if (variant.value().equals(value)) {
                for (String name : variant.required()) {
                    if (inputs.get(name) == null) {
                        throw new IllegalArgumentException("missing field '" + name + "' ("
                                + field(name).type().name().toLowerCase(Locale.ROOT) + "), required when '"
                                + discriminator + "' is '" + variant.value() + "'");
                    }
                }
                return;
            }
        }
        throw new IllegalArgumentException("field '" + discriminator + "' must be one of "
                + variants.stream().map(Variant::value).toList() + ", got '" + value + "'");
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
