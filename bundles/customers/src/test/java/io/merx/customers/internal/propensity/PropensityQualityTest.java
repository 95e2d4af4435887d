package io.merx.customers.internal.propensity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.HyperParameters;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;
import io.merx.customers.internal.SyntheticOrders;

/**
 * On generated orders with a known story (customers buy at their own rate until they drop out), the model must
 * rank held-out customers well, be calibrated, and blame what drives the truth.
 */
class PropensityQualityTest {

    @TempDir
    static Path dir;

    static Map<String, Double> metrics;
    static Scorer scorer;

    @BeforeAll
    static void train() throws Exception {
        PropensityKind kind = new PropensityKind();
        SyntheticOrders shop = SyntheticOrders.generate(3_000, LocalDate.of(2022, 1, 1), 3 * 365, 11);
        try (TrainedModel model = kind.newTrainer(HyperParameters.of(kind.parameters(), Map.of("horizonDays", 90L)))
                .train(shop.dataset(), TrainingContext.silent())) {
            metrics = model.provenance().metrics();
            model.save(dir);
        }
        scorer = kind.load(dir);
    }

    @Test
    void ranksHeldOutCustomersFarBetterThanChance() {
        assertTrue(metrics.get("auc") > 0.8, "held-out AUC " + metrics.get("auc"));
        assertTrue(metrics.get("evaluationRows") > 1_000, "evaluation rows " + metrics.get("evaluationRows"));
    }

    @Test
    void predictedRateMatchesTheObservedRate() {
        assertEquals(metrics.get("observedRate"), metrics.get("meanPredicted"), 0.05, metrics.toString());
        // Better than always predicting the base rate: Brier below p(1-p).
        double base = metrics.get("observedRate");
        assertTrue(metrics.get("brier") < 0.85 * base * (1 - base), "Brier " + metrics.get("brier"));
        // Each well-filled reliability bin is within 0.1 of its observed rate.
        for (int b = 0; b < HoldoutMetrics.BINS; b++) {
            if (metrics.get("reliability." + b + ".count") >= 100) {
                assertEquals(metrics.get("reliability." + b + ".observed"),
                        metrics.get("reliability." + b + ".predicted"), 0.1, "bin " + b + " of " + metrics);
            }
        }
    }

    @Test
    void aLongSilenceIsTheReasonALapsedCustomerScoresLow() throws Exception {
        // A customer who bought every two months for a year and a half, scored the day of the last order and
        // then after 300 days of silence: only the recency features differ between the two.
        List<String> dates = new java.util.ArrayList<>();
        LocalDate day = LocalDate.of(2022, 6, 1);
        for (int i = 0; i < 9; i++) {
            dates.add(day.plusDays(60L * i).toString());
        }
        double[] amounts = new double[dates.size()];
        java.util.Arrays.fill(amounts, 60);
        ScoreResult active = scorer.score(ScoreRequest.of(Map.of("dates", dates, "amounts", amounts)));
        ScoreResult lapsed = scorer.score(ScoreRequest.of(Map.of("dates", dates, "amounts", amounts,
                "asOf", LocalDate.parse(dates.get(8)).plusDays(300).toString())));
        assertTrue(lapsed.number("probability") < 0.2, "lapsed " + lapsed.outputs());
        assertTrue(active.number("probability") > 0.5, "active " + active.outputs());
        @SuppressWarnings("unchecked")
        Map<String, Object> top = ((List<Map<String, Object>>) lapsed.outputs().get("reasons")).get(0);
        assertTrue(List.of("recencyDays", "overdue").contains(top.get("feature")), lapsed.outputs().toString());
        assertTrue(((Number) top.get("contribution")).doubleValue() < 0, top.toString());
        assertTrue(((String) top.get("text")).endsWith("lowers the purchase probability"), top.toString());
    }

    @Test
    void theDemoModelTrainsWithDefaultsAndRanksWell() throws Exception {
        PropensityKind kind = new PropensityKind();
        try (TrainedModel model = kind.newTrainer(HyperParameters.of(kind.parameters(), Map.of()))
                .train(kind.demoData().orElseThrow(), TrainingContext.silent())) {
            assertTrue(model.provenance().metrics().get("auc") > 0.75, model.provenance().metrics().toString());
        }
    }

    @Test
    void churnIsTheComplementOfPurchase() throws Exception {
        PropensityKind kind = new PropensityKind();
        SyntheticOrders shop = SyntheticOrders.generate(1_000, LocalDate.of(2022, 1, 1), 3 * 365, 3);
        double purchase = probability(kind, shop, "purchase");
        double churn = probability(kind, shop, "churn");
        assertEquals(1.0, purchase + churn, 0.03, "purchase " + purchase + ", churn " + churn);
    }

    private static double probability(PropensityKind kind, SyntheticOrders shop, String target) throws Exception {
        Path modelDir = java.nio.file.Files.createDirectories(dir.resolve(target));
        try (TrainedModel model = kind.newTrainer(HyperParameters.of(kind.parameters(), Map.of("target", target)))
                .train(shop.dataset(), TrainingContext.silent())) {
            model.save(modelDir);
        }
        try (Scorer s = kind.load(modelDir)) {
            return s.score(ScoreRequest.of(Map.of("customer", "C00007"))).number("probability");
        }
    }
}
