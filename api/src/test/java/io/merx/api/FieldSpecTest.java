package io.merx.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FieldSpecTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void namesTheSizeRule() {
        FieldSpec any = FieldSpec.required("tags", FieldType.STRING_LIST, "tags");
        assertEquals(SizeRule.NONE, any.sizeRule());
        assertEquals(0, any.sizeLimit());

        FieldSpec vector = FieldSpec.vector("x", 3, "features");
        assertEquals(SizeRule.EXACTLY, vector.sizeRule());
        assertEquals(3, vector.sizeLimit());

        FieldSpec text = FieldSpec.required("text", FieldType.STRING, "message").withMaxSize(100);
        assertEquals(SizeRule.AT_MOST, text.sizeRule());
        assertEquals(100, text.sizeLimit());
        assertEquals(SizeRule.EXACTLY, text.withExactSize(2).sizeRule());
    }

    @Test
    @SuppressWarnings("deprecation")
    void theOldSignedSizeStillMeansWhatItMeant() {
        FieldSpec exact = new FieldSpec("x", FieldType.VECTOR, true, "", -INF, INF, 3);
        assertEquals(SizeRule.EXACTLY, exact.sizeRule());
        assertEquals(3, exact.sizeLimit());
        assertEquals(3, exact.size());

        FieldSpec atMost = new FieldSpec("text", FieldType.STRING, true, "", 0, 0, -50);
        assertEquals(SizeRule.AT_MOST, atMost.sizeRule());
        assertEquals(50, atMost.sizeLimit());
        assertEquals(-50, atMost.size());

        FieldSpec none = new FieldSpec("n", FieldType.NUMBER, true, "", -INF, INF, 0);
        assertEquals(SizeRule.NONE, none.sizeRule());
        assertEquals(0, none.size());
        assertEquals(none, FieldSpec.required("n", FieldType.NUMBER, ""));
    }

    @Test
    void refusesASizeRuleThatCannotApply() {
        assertEquals("field 'n': a number has no size",
                assertThrows(IllegalArgumentException.class,
                        () -> FieldSpec.required("n", FieldType.NUMBER, "").withMaxSize(3)).getMessage());
        assertEquals("field 'text': size limit must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class,
                        () -> FieldSpec.required("text", FieldType.STRING, "").withExactSize(0)).getMessage());
        assertEquals("field 'text': size limit must be 0 when there is no size rule, got 4",
                assertThrows(IllegalArgumentException.class,
                        () -> new FieldSpec("text", FieldType.STRING, true, "", -INF, INF, SizeRule.NONE, 4))
                        .getMessage());
    }

    @Test
    void schemaEnforcesEachRuleOnStringsListsAndVectors() {
        InputSchema schema = InputSchema.of(
                FieldSpec.required("code", FieldType.STRING, "").withExactSize(2),
                FieldSpec.optional("tags", FieldType.STRING_LIST, "").withMaxSize(2),
                FieldSpec.optional("x", FieldType.VECTOR, "").withMaxSize(3));
        assertDoesNotThrow(() -> schema.validate(Map.of("code", "de", "tags", List.of("a"), "x", List.of(1, 2))));
        assertEquals("field 'code' must have 2 characters, got 3",
                assertThrows(IllegalArgumentException.class, () -> schema.validate(Map.of("code", "deu")))
                        .getMessage());
        assertEquals("field 'tags' is too long: 3 > 2", assertThrows(IllegalArgumentException.class,
                () -> schema.validate(Map.of("code", "de", "tags", List.of("a", "b", "c")))).getMessage());
        assertEquals("field 'x' is too long: 4 > 3", assertThrows(IllegalArgumentException.class,
                () -> schema.validate(Map.of("code", "de", "x", List.of(1, 2, 3, 4)))).getMessage());
    }
}
