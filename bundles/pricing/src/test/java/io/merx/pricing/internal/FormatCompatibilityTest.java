package io.merx.pricing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;

/**
 * A model saved by kind 1.0.0 (format 1, trained on the demo data) keeps loading and scoring the same: a change
 * of the on-disk format or of the scoring maths shows up here before it reaches a model store.
 */
class FormatCompatibilityTest {

    @Test
    void format1ArtifactLoadsAndScoresAsWhenItWasWritten() throws Exception {
        Path dir = Path.of(FormatCompatibilityTest.class.getResource("/compat/format1/pricing.properties").toURI())
                .getParent();
        try (Scorer scorer = Fixtures.KIND.load(dir)) {
            ScoreResult elasticity = scorer.score(ScoreRequest.of(Map.of("type", "elasticity", "product", "c2-p2")));
            assertEquals(-2.585644758152149, elasticity.number("elasticity"), 1e-12);
            assertEquals(0.11658134251415594, elasticity.number("standardError"), 1e-12);
            ScoreResult predict = scorer.score(ScoreRequest.of(Map.of("type", "predict", "prices",
                    Map.of("c2-p1", 1.79))));
            assertEquals(309.8932617567076, predict.number("totalUnits"), 1e-9);
        }
    }
}
