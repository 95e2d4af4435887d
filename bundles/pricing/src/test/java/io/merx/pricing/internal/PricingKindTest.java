package io.merx.pricing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.Dataset;
import io.merx.api.ModelLoadException;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.TrainedModel;

class PricingKindTest {

    @TempDir
    Path dir;

    @Test
    void demoModelTrainsAndAnswersEveryRequestType() throws Exception {
        try (Scorer scorer = Fixtures.scorer(Fixtures.KIND.demoData().orElseThrow(), Map.of(), dir)) {
            ScoreResult elasticity = scorer.score(ScoreRequest.of(Map.of("type", "elasticity", "product", "c0-p0")));
            assertTrue(elasticity.number("elasticity") < -1, elasticity.toString());
            assertTrue(elasticity.number("low") < elasticity.number("elasticity")
                    && elasticity.number("elasticity") < elasticity.number("high"));
            assertEquals(2, ((List<?>) elasticity.outputs().get("crossElasticities")).size());

            ScoreResult cheap = scorer.score(ScoreRequest.of(Map.of("type", "predict", "prices",
                    Map.of("c0-p0", 2.0))));
            ScoreResult dear = scorer.score(ScoreRequest.of(Map.of("type", "predict", "prices",
                    Map.of("c0-p0", 3.0))));
            assertTrue(cheap.number("totalUnits") > dear.number("totalUnits"), "demand falls with price");

            ScoreResult optimum = scorer.score(ScoreRequest.of(Map.of("type", "optimize", "category", "c1",
                    "costs", Map.of("*", 0.8))));
            @SuppressWarnings("unchecked")
            Map<String, Object> total = (Map<String, Object>) optimum.outputs().get("total");
            double profit = (Double) total.get("profit");
            assertTrue((Double) total.get("profitLow") < profit && profit < (Double) total.get("profitHigh"));
            @SuppressWarnings("unchecked")
            Map<String, Object> current = (Map<String, Object>) optimum.outputs().get("atCurrentPrices");
            assertTrue(profit >= (Double) current.get("profit") - 1e-6, "never worse than the current prices");
        }
    }

    @Test
    void savedModelLoadsWithTheSameCoefficients() throws Exception {
        MarketSimulator market = MarketSimulator.create(3, 3, 40, 8);
        try (TrainedModel model = Fixtures.train(market.history(), Map.of())) {
            model.save(dir);
            DemandModel loaded = PricingFiles.read(dir);
            for (int i = 0; i < loaded.size(); i++) {
                ProductDemand a = Fixtures.demand(model).product(i);
                ProductDemand b = loaded.product(i);
                assertEquals(a.name(), b.name());
                for (int k = 0; k < a.terms(); k++) {
                    assertEquals(a.beta()[k], b.beta()[k], 0.0);
                    assertEquals(a.standardError(k), b.standardError(k), 0.0);
                }
            }
        }
    }

    @Test
    void textPeriodsSuchAsIsoWeeksGiveTheSameModel() throws Exception {
        Dataset numeric = MarketSimulator.create(2, 3, 30, 4).history();
        double[] week = numeric.numbers("period");
        String[] iso = new String[week.length];
        for (int r = 0; r < iso.length; r++) {
            iso[r] = String.format(java.util.Locale.ROOT, "2025-W%02d", (int) week[r]);
        }
        Dataset text = Dataset.builder().strings("product", numeric.strings("product"))
                .strings("category", numeric.strings("category")).strings("period", iso)
                .numbers("price", numeric.numbers("price")).numbers("units", numeric.numbers("units"))
                .numbers("promo", numeric.numbers("promo")).build();
        try (TrainedModel a = Fixtures.train(numeric, Map.of()); TrainedModel b = Fixtures.train(text, Map.of())) {
            assertEquals(a.provenance().metrics(), b.provenance().metrics());
            double own = Fixtures.demand(a).product(0).beta()[ProductDemand.OWN];
            assertEquals(own, Fixtures.demand(b).product(0).beta()[ProductDemand.OWN], 1e-12);
        }
    }

    @Test
    void corruptFilesGiveALoadError() throws Exception {
        try (TrainedModel model = Fixtures.train(MarketSimulator.create(2, 3, 30, 9).history(), Map.of())) {
            model.save(dir);
        }
        Files.write(dir.resolve(PricingFiles.COEFFICIENTS), new byte[] {1, 2, 3});
        assertThrows(ModelLoadException.class, () -> Fixtures.KIND.load(dir));
        Files.delete(dir.resolve(PricingFiles.META));
        ModelLoadException missing = assertThrows(ModelLoadException.class, () -> Fixtures.KIND.load(dir));
        assertTrue(missing.getMessage().contains(PricingFiles.META), missing.getMessage());
    }

    @Test
    void holdoutMetricsMeasureOutOfSampleError() throws Exception {
        try (TrainedModel model = Fixtures.train(MarketSimulator.create(4, 3, 60, 10).history(), Map.of())) {
            Map<String, Double> metrics = model.provenance().metrics();
            // the simulator's noise is 0.2 on the log scale; estimation error adds a little
            assertTrue(metrics.get("holdoutRmseLogUnits") > 0.15 && metrics.get("holdoutRmseLogUnits") < 0.3,
                    metrics.toString());
        }
    }
}
