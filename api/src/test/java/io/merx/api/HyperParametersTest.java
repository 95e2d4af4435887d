package io.merx.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HyperParametersTest {

    private final List<ParameterSpec> specs = List.of(
            ParameterSpec.integer("rank", 16, 1, 512, "factors"),
            ParameterSpec.real("alpha", 40, 0, 1e4, "confidence"),
            ParameterSpec.bool("implicit", true, "implicit feedback"),
            ParameterSpec.choice("solver", "cg", List.of("cg", "cholesky"), "solver"));

    @Test
    void fillsDefaultsAndParsesShellStrings() {
        HyperParameters hp = HyperParameters.of(specs, Map.of("rank", "32", "alpha", "0.5", "implicit", "false"));
        assertEquals(32, hp.getInt("rank"));
        assertEquals(0.5, hp.getDouble("alpha"));
        assertEquals(false, hp.getBoolean("implicit"));
        assertEquals("cg", hp.getString("solver"));
        assertEquals("HyperParameters{alpha=0.500000, implicit=false, rank=32, solver=cg}", hp.toString());
    }

    @Test
    void refusesBadValuesNamingTheParameter() {
        assertEquals("hyper-parameter 'rank' must be an integer between 1 and 512, got '0'",
                assertThrows(IllegalArgumentException.class, () -> HyperParameters.of(specs, Map.of("rank", 0)))
                        .getMessage());
        assertEquals("hyper-parameter 'rank' must be an integer, got '2.5'",
                assertThrows(IllegalArgumentException.class, () -> HyperParameters.of(specs, Map.of("rank", 2.5)))
                        .getMessage());
        assertEquals("hyper-parameter 'alpha' must be a number between 0.0 and 10000.0, got 'NaN'",
                assertThrows(IllegalArgumentException.class,
                        () -> HyperParameters.of(specs, Map.of("alpha", Double.NaN))).getMessage());
        assertEquals("hyper-parameter 'solver' must be one of [cg, cholesky], got 'lu'",
                assertThrows(IllegalArgumentException.class, () -> HyperParameters.of(specs, Map.of("solver", "lu")))
                        .getMessage());
        assertEquals("unknown hyper-parameter 'rnak'; known: [rank, alpha, implicit, solver]",
                assertThrows(IllegalArgumentException.class, () -> HyperParameters.of(specs, Map.of("rnak", 3)))
                        .getMessage());
    }
}
