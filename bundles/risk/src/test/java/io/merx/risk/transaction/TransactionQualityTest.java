package io.merx.risk.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;

/** Held-out quality on a simulated shop whose truth is known, with and without the identifier graph. */
class TransactionQualityTest {

    private static Map<String, Double> withGraph;
    private static Map<String, Double> withoutGraph;

    @BeforeAll
    static void train() throws Exception {
        Dataset data = SimulatedShop.orders(FraudScenario.DEMO.scaled(1_500, 7));
        withGraph = metrics(data, "data");
        withoutGraph = metrics(data, "none");
        System.out.println("with graph " + withGraph + "\nwithout graph " + withoutGraph);
    }

    private static Map<String, Double> metrics(Dataset data, String graph) throws Exception {
        TransactionKind kind = new TransactionKind();
        try (TrainedModel model = kind.newTrainer(HyperParameters.of(kind.parameters(), Map.of("graphFeatures", graph)))
                .train(data, TrainingContext.silent())) {
            return model.provenance().metrics();
        }
    }

    @Test
    void fraudRanksFarAboveGoodOrders() {
        assertTrue(withGraph.get("rocAuc") > 0.95, "ROC AUC " + withGraph.get("rocAuc"));
        assertTrue(withGraph.get("prAuc") > 0.6, "PR AUC " + withGraph.get("prAuc"));
    }

    @Test
    void graphFeaturesAddWhatOrderFeaturesMiss() {
        assertTrue(withGraph.get("prAuc") > withoutGraph.get("prAuc") + 0.02,
                "PR AUC with graph " + withGraph.get("prAuc") + " vs without " + withoutGraph.get("prAuc"));
    }

    @Test
    void decisionsCostLessThanAllowingEverything() {
        assertTrue(withGraph.get("costPerOrder") < 0.5 * withGraph.get("allowAllCostPerOrder"),
                "cost " + withGraph.get("costPerOrder") + " vs allow-all " + withGraph.get("allowAllCostPerOrder"));
    }

    @Test
    void calibratedProbabilitiesBeatTheBaseRate() {
        double rate = withGraph.get("heldOutFraud") / withGraph.get("heldOutOrders");
        // The Brier score of always answering the base rate is rate (1 - rate); calibrated scores do far better.
        assertTrue(withGraph.get("brier") < 0.5 * rate * (1 - rate), "Brier " + withGraph.get("brier"));
        assertEquals(withGraph.get("heldOutOrders"), withoutGraph.get("heldOutOrders"));
    }
}
