package io.merx.example.linear.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.merx.api.ScoreRequest;
import io.merx.api.Scorer;

/**
 * A model saved by example.linear 1.0.0 (format 1, trained on DemoData.houses(500, 99) with default
 * hyper-parameters) must load and score the same in every later 1.x release.
 */
class FormatCompatibilityTest {

    @Test
    void format1ArtifactStillLoadsAndScoresTheSame() throws Exception {
        try (Scorer scorer = new LinearKind().load(artifact())) {
            assertEquals(184.74708012751677,
                    scorer.score(ScoreRequest.of(Map.of("sqm", 100, "rooms", 3, "age", 10))).number("prediction"), 1e-9);
            assertEquals(44.52725997105503,
                    scorer.score(ScoreRequest.of(Map.of("sqm", 42.5, "rooms", 1, "age", 70))).number("prediction"), 1e-9);
        }
    }

    private static Path artifact() throws URISyntaxException {
        return Path.of(FormatCompatibilityTest.class.getResource("/compat/format1/linear.properties").toURI()).getParent();
    }
}
