package io.merx.risk.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;

/** The demo world's planted abuse is found on the newest reviews, which the model never saw. */
class ReviewQualityTest {

    static final FakeReviews.Generated WORLD = FakeReviews.generate(DemoTexts.load(), FakeReviews.Settings.demo(), 11);

    @TempDir
    static Path dir;
    static Map<String, Double> metrics;
    static Scorer scorer;

    @BeforeAll
    static void train() throws Exception {
        ReviewKind kind = new ReviewKind();
        try (TrainedModel model = kind.newTrainer(HyperParameters.of(kind.parameters(), Map.of()))
                .train(WORLD.dataset(), TrainingContext.silent())) {
            metrics = model.provenance().metrics();
            model.save(dir);
        }
        scorer = kind.load(dir);
    }

    @Test
    void heldOutAbuseRanksFarAboveItsBaseRate() {
        System.out.println("risk.review demo held out: " + metrics);
        assertTrue(metrics.get("prAuc") > 3 * metrics.get("evaluationAbuseRate"), metrics.toString());
        assertTrue(metrics.get("rocAuc") > 0.8, metrics.toString());
    }

    @Test
    void aCopiedTextByAnotherAccountIsFlaggedWithItsReason() throws Exception {
        Dataset data = WORLD.dataset();
        String text = data.strings("text")[data.rowCount() / 2];
        ScoreResult copy = scorer.score(ScoreRequest.of(Map.of("text", text, "rating", 5L, "reviewer", "new-one",
                "product", "P0003", "accountCreated", "2024-02-28T00:00:00Z")));
        ScoreResult fresh = scorer.score(ScoreRequest.of(Map.of("text", "Bought this granola for my kids, they "
                + "liked the honey flavour and the crunch. A bit sweet for me but a good price per bag.",
                "rating", 4L, "reviewer", "U00002", "product", "P0003")));
        assertTrue(copy.number("probability") > fresh.number("probability"),
                copy.outputs() + " vs " + fresh.outputs());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> reasons = (List<Map<String, Object>>) copy.outputs().get("reasons");
        assertTrue(reasons.stream().anyMatch(r -> r.get("code").equals("NEAR_DUPLICATE")
                || r.get("code").equals("COPIED_ACROSS_ACCOUNTS")), reasons.toString());
    }

    @Test
    void fiveStarsOnAnAngryTextRaisesTheScoreOverTheSameTextWithOneStar() throws Exception {
        String text = "Terrible. The bag was stale, the taste awful and it made me sick. Do not buy, a waste of money.";
        double five = scorer.score(ScoreRequest.of(Map.of("text", text, "rating", 5L))).number("probability");
        double one = scorer.score(ScoreRequest.of(Map.of("text", text, "rating", 1L))).number("probability");
        assertTrue(five > one, five + " vs " + one);
    }

    @Test
    void theDecisionFollowsTheThresholdsAndSaysWhy() throws Exception {
        ScoreResult r = scorer.score(ScoreRequest.of(Map.of("text", "Nice tea.", "rating", 4L,
                "secondOpinion", false)));
        double p = r.number("probability");
        String expected = p >= 0.85 ? "block" : p >= 0.3 ? "review" : "allow";
        assertEquals(expected, r.text("decision"));
        assertTrue(((List<?>) r.outputs().get("decisionReasons")).get(0).toString().contains("threshold"));
        assertEquals("not used", r.outputs().get("secondOpinion"));
    }
}
