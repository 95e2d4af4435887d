package io.merx.forecasting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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

class ForecastScorerTest {

    @TempDir
    static Path dir;
    static Map<String, Double> metrics;

    @BeforeAll
    static void train() throws Exception {
        ForecastingKind kind = new ForecastingKind();
        try (TrainedModel model = kind.newTrainer(HyperParameters.of(kind.parameters(),
                Map.of("method", "auto-ets", "horizon", 6))).train(DemoData.retail(8, 40, 5),
                        TrainingContext.silent())) {
            metrics = model.provenance().metrics();
            model.save(dir);
        }
    }

    private static ScoreResult score(Map<String, Object> request) throws Exception {
        try (Scorer scorer = new ForecastingKind().load(dir)) {
            return scorer.score(ScoreRequest.of(request));
        }
    }

    @Test
    void backtestMetricsAreStored() {
        for (String name : new String[] {"smape", "mase", "coverage80", "coverage95", "series"}) {
            assertTrue(metrics.containsKey(name), "metric " + name + " in " + metrics);
        }
        assertEquals(8, metrics.get("series"), 0);
        assertEquals(12, metrics.get("season"), 0, "monthly dates give season 12");
        assertEquals(2, metrics.get("valuesInterpolated"), 0, "SKU-002 misses two months");
        assertTrue(metrics.get("coverage95") > 0.6, "95 % intervals cover most actuals: " + metrics);
    }

    @Test
    void storedSeriesForecastWithOrderedFiniteIntervals() throws Exception {
        ScoreResult r = score(Map.of("series", "SKU-003", "horizon", 9));
        double[] f = (double[]) r.outputs().get("forecast");
        double[] lo = (double[]) r.outputs().get("lower95");
        double[] hi = (double[]) r.outputs().get("upper95");
        assertEquals(9, f.length);
        for (int i = 0; i < f.length; i++) {
            assertTrue(Double.isFinite(f[i]) && lo[i] <= f[i] && f[i] <= hi[i] && lo[i] >= 0);
        }
        assertTrue(r.text("model").startsWith("ETS("), r.text("model"));
    }

    @Test
    void postedShortHistoryFallsBackToANonSeasonalModelAndSaysSo() throws Exception {
        ScoreResult r = score(Map.of("history", new double[] {5, 7, 6, 8, 9, 8, 10, 11, 10, 12}, "horizon", 3));
        assertTrue(r.text("model").contains("too short for season 12"), r.text("model"));
    }

    @Test
    void inventoryAdviceAndPlotComeWhenAskedFor() throws Exception {
        ScoreResult r = score(Map.of("series", "SKU-001", "horizon", 4, "leadTime", 1.5, "serviceLevel", 0.9,
                "stock", 0, "orderCost", 20, "holdingCost", 0.3, "plot", true));
        @SuppressWarnings("unchecked")
        Map<String, Object> advice = (Map<String, Object>) r.outputs().get("inventory");
        double demand = (double) advice.get("leadTimeDemand");
        assertTrue(demand > 0);
        assertEquals(demand + (double) advice.get("safetyStock"), (double) advice.get("reorderPoint"), 1e-9);
        assertEquals(true, advice.get("orderNow"));
        assertTrue(((String) r.outputs().get("svg")).contains("<svg"));
    }
}
