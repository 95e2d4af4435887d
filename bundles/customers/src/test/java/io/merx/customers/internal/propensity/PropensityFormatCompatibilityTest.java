package io.merx.customers.internal.propensity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.merx.api.ScoreRequest;
import io.merx.api.Scorer;

/**
 * A format-1 model written by kind 1.0.0 (60 generated customers, horizonDays=60, maxCategories=3; files in
 * src/test/resources/propensity-format-1) still loads and scores what it scored when written.
 */
class PropensityFormatCompatibilityTest {

    private static final Path MODEL = Path.of("src/test/resources/propensity-format-1");

    @Test
    void aFormatOneModelScoresAsWhenItWasWritten() throws Exception {
        try (Scorer scorer = new PropensityKind().load(MODEL)) {
            assertEquals(0.2337729617219138,
                    scorer.score(ScoreRequest.of(Map.of("customer", "C00003"))).number("probability"), 1e-12);
            assertEquals(0.2323268092554821, scorer.score(ScoreRequest.of(Map.of(
                    "dates", List.of("2024-01-05", "2024-03-01"), "amounts", new double[] {40, 55.5},
                    "asOf", "2024-06-01"))).number("probability"), 1e-12);
        }
    }
}
