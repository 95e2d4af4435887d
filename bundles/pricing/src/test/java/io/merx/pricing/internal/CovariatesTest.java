package io.merx.pricing.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.Dataset;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;

/** Display and competitor-price columns, under configurable names, enter the model with their true effects. */
class CovariatesTest {

    private static final double DISPLAY_LIFT = 0.4;
    private static final double COMPETITOR_ELASTICITY = 0.6;

    @TempDir
    Path dir;

    @Test
    void displayAndCompetitorEffectsAreRecovered() throws Exception {
        Dataset market = MarketSimulator.create(6, 3, 80, 12).history();
        int n = market.rowCount();
        Random random = new Random(3);
        double[] display = new double[n];
        double[] competitor = new double[n];
        double[] units = market.numbers("units").clone();
        for (int r = 0; r < n; r++) {
            display[r] = random.nextDouble() < 0.2 ? 1 : 0;
            competitor[r] = 3 * Math.exp(0.15 * random.nextGaussian());
            units[r] = Math.round(units[r] * Math.exp(DISPLAY_LIFT * display[r])
                    * Math.pow(competitor[r] / 3, COMPETITOR_ELASTICITY));
        }
        Dataset data = Dataset.builder().strings("sku", market.strings("product"))
                .strings("category", market.strings("category")).numbers("week", market.numbers("period"))
                .numbers("price", market.numbers("price")).numbers("units", units)
                .numbers("promo", market.numbers("promo")).numbers("endcap", display).numbers("rival", competitor)
                .build();
        Map<String, Object> names = Map.of("productColumn", "sku", "periodColumn", "week", "displayColumn", "endcap",
                "competitorPriceColumn", "rival");
        try (Scorer scorer = Fixtures.scorer(data, names, dir)) {
            int coveredDisplay = 0;
            int coveredCompetitor = 0;
            for (int p = 0; p < 3; p++) {
                ScoreResult result = scorer.score(ScoreRequest.of(Map.of("type", "elasticity", "product", "c0-p" + p)));
                coveredDisplay += covers(result.outputs().get("displayEffect"), DISPLAY_LIFT) ? 1 : 0;
                Object rival = result.outputs().get("competitorElasticity");
                coveredCompetitor += covers(rival, COMPETITOR_ELASTICITY) ? 1 : 0;
            }
            assertTrue(coveredDisplay >= 2 && coveredCompetitor >= 2, coveredDisplay + " / " + coveredCompetitor);
            ScoreResult cheapRival = scorer.score(ScoreRequest.of(Map.of("type", "predict", "prices",
                    Map.of("c0-p0", 3.0), "competitorPrice", Map.of("c0-p0", 2.0))));
            ScoreResult dearRival = scorer.score(ScoreRequest.of(Map.of("type", "predict", "prices",
                    Map.of("c0-p0", 3.0), "competitorPrice", Map.of("c0-p0", 4.0), "display", Map.of("c0-p0", 1))));
            assertTrue(dearRival.number("totalUnits") > 1.5 * cheapRival.number("totalUnits"));
        }
    }

    private static boolean covers(Object effect, double truth) {
        Map<?, ?> e = (Map<?, ?>) effect;
        return (Double) e.get("low") <= truth && truth <= (Double) e.get("high");
    }
}
