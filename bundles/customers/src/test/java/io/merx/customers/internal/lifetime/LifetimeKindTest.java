package io.merx.customers.internal.lifetime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.merx.api.HyperParameters;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;
import io.merx.customers.internal.DemoOrders;
import io.merx.customers.internal.SyntheticOrders;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifetimeKindTest {

    /** The demo shop: what the demo model trains on, with each customer's true state. */
    private static final SyntheticOrders DATA = DemoOrders.shop();

    @TempDir
    Path dir;

    private TrainedModel train(Map<String, Object> given) throws Exception {
        LifetimeKind kind = new LifetimeKind();
        return kind.newTrainer(HyperParameters.of(kind.parameters(), given))
                .train(DATA.dataset(), TrainingContext.silent());
    }

    @Test
    void beatsTheNaiveRateOnTheHoldOutAndRanksLiveCustomersAboveLapsedOnes() throws Exception {
        TrainedModel model = train(Map.of("draws", 500));
        Map<String, Double> metrics = model.provenance().metrics();
        assertTrue(metrics.get("holdoutMae") < metrics.get("holdoutMaeNaive"), metrics.toString());
        double total = metrics.get("holdoutTotalActual");
        assertEquals(total, metrics.get("holdoutTotalPredicted"), 0.2 * total, metrics.toString());

        model.save(dir);
        try (Scorer scorer = new LifetimeKind().load(dir)) {
            // P(alive) separates the customers the generator kept alive from those it let drop out.
            double alive = 0;
            double dead = 0;
            int nAlive = 0;
            int nDead = 0;
            for (Map.Entry<String, SyntheticOrders.Truth> entry : DATA.truths().entrySet()) {
                double p = scorer.score(ScoreRequest.of(Map.of("customer", entry.getKey(), "horizon", 1.0)))
                        .number("probabilityAlive");
                if (entry.getValue().aliveAt(DATA.endDay())) {
                    alive += p;
                    nAlive++;
                } else {
                    dead += p;
                    nDead++;
                }
            }
            assertTrue(alive / nAlive > dead / nDead + 0.2, alive / nAlive + " vs " + dead / nDead);
        }
    }

    @Test
    void aSavedModelAnswersExactlyAsTheTrainedOne() throws Exception {
        TrainedModel model = train(Map.of("draws", 300, "serving", "calibration", "discountRate", 0.1));
        model.save(dir);
        String someone = DATA.truths().keySet().iterator().next();
        ScoreRequest request = ScoreRequest.of(Map.of("customer", someone));
        try (Scorer first = new LifetimeKind().load(dir); Scorer second = new LifetimeKind().load(dir)) {
            ScoreResult a = first.score(request);
            assertEquals(a, second.score(request));
            assertTrue(a.number("valueLower") <= a.number("valueUpper"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> first.score(ScoreRequest.of(Map.of("customer", "no-such-customer"))));
            assertTrue(e.getMessage().contains("no-such-customer"), e.getMessage());
        }
    }

    @Test
    void refusesACalibrationEndOutsideTheData() {
        LifetimeKind kind = new LifetimeKind();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> train(
                Map.of("calibrationEnd", "2030-01-01")));
        assertTrue(e.getMessage().contains("calibration"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> kind.newTrainer(HyperParameters.of(kind.parameters(),
                Map.of("calibrationEnd", "last tuesday"))));
    }
}
