package io.merx.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class ParameterSpecTest {

    private static String refusal(Runnable spec) {
        return assertThrows(IllegalArgumentException.class, spec::run).getMessage();
    }

    @Test
    void refusesADefaultOutsideItsBounds() {
        assertEquals("default of hyper-parameter 'rank' must be an integer between 1 and 512, got '0'",
                refusal(() -> ParameterSpec.integer("rank", 0, 1, 512, "factors")));
        assertEquals("default of hyper-parameter 'alpha' must be a number between 0.0 and 1.0, got '1.5'",
                refusal(() -> ParameterSpec.real("alpha", 1.5, 0, 1, "rate")));
        assertEquals("default of hyper-parameter 'alpha' must be a number between 0.0 and 1.0, got 'NaN'",
                refusal(() -> ParameterSpec.real("alpha", Double.NaN, 0, 1, "rate")));
    }

    @Test
    void refusesADefaultOfTheWrongType() {
        assertEquals("default of hyper-parameter 'rank' must be an integer between 1 and 512, got '2.5'",
                refusal(() -> new ParameterSpec("rank", ParameterType.INTEGER, 2.5, 1, 512, List.of(), "")));
        assertEquals("default of hyper-parameter 'rank' must be an integer between 1 and 512, got '16'",
                refusal(() -> new ParameterSpec("rank", ParameterType.INTEGER, "16", 1, 512, List.of(), "")));
        assertEquals("default of hyper-parameter 'implicit' must be true or false, got 'yes'",
                refusal(() -> new ParameterSpec("implicit", ParameterType.BOOLEAN, "yes", 0, 1, List.of(), "")));
        assertEquals("default of hyper-parameter 'path' must be a string, got '3'",
                refusal(() -> new ParameterSpec("path", ParameterType.STRING, 3, 0, 0, List.of(), "")));
    }

    @Test
    void refusesADefaultThatIsNotAChoice() {
        assertEquals("default of hyper-parameter 'solver' must be one of [cg, cholesky], got 'lu'",
                refusal(() -> ParameterSpec.choice("solver", "lu", List.of("cg", "cholesky"), "solver")));
    }

    @Test
    void refusesBoundsTheWrongWayRound() {
        assertEquals("hyper-parameter 'rank': min 512.0 is greater than max 1.0",
                refusal(() -> ParameterSpec.integer("rank", 16, 512, 1, "factors")));
        assertEquals("hyper-parameter 'alpha': min and max must be numbers, got NaN and 1.0",
                refusal(() -> ParameterSpec.real("alpha", 0.5, Double.NaN, 1, "rate")));
    }

    @Test
    void acceptsValidSpecsWithAnyNumberTypeAsDefault() {
        ParameterSpec rank = new ParameterSpec("rank", ParameterType.INTEGER, 16, 1, 512, List.of(), null);
        assertEquals(16, rank.defaultValue());
        assertEquals("", rank.description());
        ParameterSpec.real("alpha", 0, 0, 0, "edge: default on both bounds");
        ParameterSpec.bool("implicit", true, "flag");
        ParameterSpec.text("path", "", "free text");
    }
}
