package io.merx.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ScoreResultTest {

    private static String refusal(Runnable put) {
        // an IllegalArgumentException for the scorer, of its own type so the runtime can tell it from bad input
        return assertThrows(NonFiniteOutputException.class, put::run).getMessage();
    }

    @Test
    void refusesNonFiniteNumbersInEveryOverloadNamingTheOutput() {
        assertEquals("output 'score' must be a finite number, got NaN",
                refusal(() -> ScoreResult.builder().put("score", Double.NaN)));
        assertEquals("output 'score' must be a finite number, got Infinity",
                refusal(() -> ScoreResult.builder().put("score", (Object) Double.POSITIVE_INFINITY)));
        assertEquals("output 'score' must be a finite number, got -Infinity",
                refusal(() -> ScoreResult.builder().put("score", (Object) Float.NEGATIVE_INFINITY)));
    }

    @Test
    void looksInsideArraysListsAndObjects() {
        assertEquals("output 'forecast[1]' must be a finite number, got NaN",
                refusal(() -> ScoreResult.builder().put("forecast", new double[] {1, Double.NaN})));
        assertEquals("output 'forecast[0]' must be a finite number, got Infinity",
                refusal(() -> ScoreResult.builder().put("forecast", new float[] {Float.POSITIVE_INFINITY})));
        assertEquals("output 'items[0].score' must be a finite number, got NaN",
                refusal(() -> ScoreResult.builder().put("items", List.of(Map.of("score", Double.NaN)))));
    }

    @Test
    void keepsFiniteOutputsInOrder() {
        ScoreResult result = ScoreResult.builder().put("score", 0.5).put("label", "yes")
                .put("items", List.of(Map.of("score", 1.0))).build();
        assertEquals(List.of("score", "label", "items"), List.copyOf(result.outputs().keySet()));
        assertEquals(0.5, result.number("score"));
        assertEquals("yes", result.text("label"));
    }
}
