package io.merx.risk.transaction;

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

/** What a reviewer reads: decisions and reasons for orders whose truth the simulated shop knows. */
class TransactionScorerTest {

    @TempDir
    static Path dir;
    private static Scorer scorer;
    private static Dataset data;

    @BeforeAll
    static void train() throws Exception {
        data = SimulatedShop.orders(FraudScenario.DEMO.scaled(800, 11));
        TransactionKind kind = new TransactionKind();
        try (TrainedModel model = kind.newTrainer(HyperParameters.of(kind.parameters(),
                Map.of("graphFeatures", "data"))).train(data, TrainingContext.silent())) {
            model.save(dir);
        }
        scorer = kind.load(dir);
    }

    /** A card of a known ring on a fresh account, at night, shipped away from billing. */
    @Test
    void aNewAccountOnARingCardIsStoppedWithGraphReasons() throws Exception {
        String ringCard = ringCard();
        ScoreResult result = scorer.score(ScoreRequest.of(Map.of("customer", "fresh", "order_time",
                "2025-05-02T02:30", "amount", 240.0, "card", ringCard, "device", "D-fresh", "address", "A-fresh",
                "billing_address", "B-fresh", "reasons", 5)));
        assertTrue(List.of("review", "block").contains(result.text("decision")), result.outputs().toString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> reasons = (List<Map<String, Object>>) result.outputs().get("reasons");
        assertTrue(reasons.stream().anyMatch(r -> List.of("ringFraudAccounts", "fraudProximity", "linkedAccounts",
                "sharedIdentifiers", "ringSize").contains(r.get("code"))), reasons.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> graph = (Map<String, Object>) result.outputs().get("graph");
        assertTrue(((Number) graph.get("ringFraudAccounts")).longValue() >= 1, graph.toString());
    }

    /** An old customer buying as usual, with their own card and device, in the afternoon. */
    @Test
    void aRegularCustomerIsAllowed() throws Exception {
        ScoreResult result = scorer.score(ScoreRequest.of(Map.of("customer", "C00001", "order_time",
                "2025-05-02T15:00", "amount", 45.0, "card", "K-C00001", "device", "D-C00001", "address", "A-C00001",
                "billing_address", "A-C00001")));
        assertEquals("allow", result.text("decision"), result.outputs().toString());
        assertTrue(result.number("probability") < 0.05, result.outputs().toString());
    }

    private static String ringCard() {
        String[] cards = data.strings("card");
        for (String card : cards) {
            if (card.startsWith("K-ring0-")) {
                return card;
            }
        }
        throw new IllegalStateException("the scenario has no ring 0");
    }
}
