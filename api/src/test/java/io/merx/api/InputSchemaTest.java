package io.merx.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class InputSchemaTest {

    private final InputSchema schema = InputSchema.of(
            FieldSpec.vector("x", 3, "features").withRange(-10, 10),
            FieldSpec.required("user", FieldType.STRING, "user id"),
            FieldSpec.optional("k", FieldType.INTEGER, "how many").withRange(1, 100));

    private String refusal(Map<String, Object> inputs) {
        return assertThrows(IllegalArgumentException.class, () -> schema.validate(inputs)).getMessage();
    }

    @Test
    void acceptsJsonShapedValues() {
        assertDoesNotThrow(() -> schema.validate(Map.of("x", List.of(1, 2.5, -3), "user", "u1", "k", 10L)));
        assertDoesNotThrow(() -> schema.validate(Map.of("x", new double[] {0, 0, 0}, "user", "u1")));
    }

    @Test
    void namesTheFieldAndTheProblem() {
        assertEquals("missing required field 'user' (string)", refusal(Map.of("x", List.of(1, 2, 3))));
        assertEquals("field 'x' must have 3 elements, got 2", refusal(Map.of("x", List.of(1, 2), "user", "u")));
        assertEquals("field 'x[1]' must be a number, got string \"a\"",
                refusal(Map.of("x", List.of(1, "a", 3), "user", "u")));
        assertEquals("field 'x[2]' must be between -10.0 and 10.0, got 11.0",
                refusal(Map.of("x", List.of(1, 2, 11), "user", "u")));
        assertEquals("field 'k' must be an integer, got 2.5",
                refusal(Map.of("x", List.of(1, 2, 3), "user", "u", "k", 2.5)));
        assertEquals("field 'user' must be a string, got number 7", refusal(Map.of("x", List.of(1, 2, 3), "user", 7)));
    }

    @Test
    void refusesNonFiniteNumbersAndUnknownFields() {
        assertEquals("field 'x[0]' must be a finite number, got NaN",
                refusal(Map.of("x", List.of(Double.NaN, 2, 3), "user", "u")));
        assertEquals("unknown field 'usr'; expected one of [x, user, k]",
                refusal(Map.of("x", List.of(1, 2, 3), "user", "u", "usr", "typo")));
    }

    @Test
    void refusesDuplicateFieldNames() {
        assertThrows(IllegalArgumentException.class, () -> InputSchema.of(
                FieldSpec.required("a", FieldType.NUMBER, ""), FieldSpec.required("a", FieldType.STRING, "")));
    }

    private final InputSchema pricing = new InputSchema(List.of(
            FieldSpec.required("type", FieldType.STRING, "what to answer"),
            FieldSpec.optional("product", FieldType.STRING, "elasticity: the product"),
            FieldSpec.optional("prices", FieldType.OBJECT, "predict: price per product"),
            FieldSpec.optional("costs", FieldType.OBJECT, "optimize: unit costs")), false)
            .withVariant("type", "elasticity", "product")
            .withVariant("type", "predict", "prices")
            .withVariant("type", "optimize");

    @Test
    void aVariantRequiresItsFieldsWhenTheDiscriminatorPicksIt() {
        assertDoesNotThrow(() -> pricing.validate(Map.of("type", "elasticity", "product", "p1")));
        assertDoesNotThrow(() -> pricing.validate(Map.of("type", "optimize")));
        assertDoesNotThrow(() -> pricing.validate(Map.of("type", "predict", "prices", Map.of("p1", 2.0),
                "costs", Map.of())), "a field of another variant is accepted");
        assertEquals("missing field 'product' (string), required when 'type' is 'elasticity'",
                assertThrows(IllegalArgumentException.class,
                        () -> pricing.validate(Map.of("type", "elasticity", "prices", Map.of()))).getMessage());
        assertEquals("missing field 'prices' (object), required when 'type' is 'predict'",
                assertThrows(IllegalArgumentException.class, () -> pricing.validate(Map.of("type", "predict")))
                        .getMessage());
    }

    @Test
    void theDiscriminatorTakesOnlyTheVariantsValues() {
        assertEquals("field 'type' must be one of [elasticity, predict, optimize], got 'forecast'",
                assertThrows(IllegalArgumentException.class, () -> pricing.validate(Map.of("type", "forecast")))
                        .getMessage());
        assertEquals("missing required field 'type' (string)",
                assertThrows(IllegalArgumentException.class, () -> pricing.validate(Map.of("product", "p1")))
                        .getMessage());
    }

    @Test
    void refusesVariantsThatCannotWork() {
        InputSchema base = InputSchema.of(FieldSpec.required("type", FieldType.STRING, ""),
                FieldSpec.optional("n", FieldType.NUMBER, ""));
        assertEquals("variant 'a' of 'kind': no field 'kind' is declared",
                assertThrows(IllegalArgumentException.class, () -> base.withVariant("kind", "a")).getMessage());
        assertEquals("variant 'a' of 'n': field 'n' must be a string to pick a variant",
                assertThrows(IllegalArgumentException.class, () -> base.withVariant("n", "a")).getMessage());
        assertEquals("variant 'a' of 'type': no field 'm' is declared",
                assertThrows(IllegalArgumentException.class, () -> base.withVariant("type", "a", "m")).getMessage());
        assertEquals("variant 'a' of 'type' is declared twice", assertThrows(IllegalArgumentException.class,
                () -> base.withVariant("type", "a").withVariant("type", "a")).getMessage());
        assertEquals("variants are picked by one field; 'type' already picks them, not 'n'",
                assertThrows(IllegalArgumentException.class, () -> InputSchema.of(
                        FieldSpec.required("type", FieldType.STRING, ""),
                        FieldSpec.optional("n", FieldType.STRING, "")).withVariant("type", "a").withVariant("n", "b"))
                        .getMessage());
    }
}
