package io.merx.risk.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;

/** The demo model as the distribution trains it: a word-for-word copy by a day-old account is not let through. */
class DemoModelTest {

    @TempDir
    Path dir;

    @Test
    void aCopyByADayOldAccountGoesToAModeratorOrIsBlocked() throws Exception {
        ReviewKind kind = new ReviewKind();
        Dataset demo = kind.demoData().orElseThrow();
        try (TrainedModel model = kind.newTrainer(HyperParameters.of(kind.parameters(), Map.of()))
                .train(demo, TrainingContext.silent())) {
            model.save(dir);
        }
        String text = null;
        for (int i = 0; i < demo.rowCount() && text == null; i++) {
            if (demo.numbers("abuse")[i] == 0 && demo.numbers("rating")[i] == 5) {
                text = demo.strings("text")[i];
            }
        }
        try (Scorer scorer = kind.load(dir)) {
            ScoreResult copy = scorer.score(ScoreRequest.of(Map.of("text", text, "rating", 5L, "reviewer",
                    "brand-new", "product", "P0001", "time", "2024-03-05T12:00:00Z",
                    "accountCreated", "2024-03-04T12:00:00Z")));
            assertNotEquals("allow", copy.text("decision"), copy.outputs().toString());
            @SuppressWarnings("unchecked")
            Map<String, Object> features = (Map<String, Object>) copy.outputs().get("features");
            assertEquals(1.0, (Double) features.get("accountAgeDays"), 1e-9);
            assertTrue((Double) features.get("maxCopySimilarity") >= 0.9, features.toString());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> reasons = (List<Map<String, Object>>) copy.outputs().get("reasons");
            assertTrue(reasons.stream().anyMatch(r -> r.get("code").equals("NEAR_DUPLICATE")), reasons.toString());
        }
    }
}
