package io.merx.risk.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.HyperParameters;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;
import io.merx.api.events.Event;
import io.merx.api.events.EventType;

/** A card-testing burst after training raises the next order's score, because scored orders feed the velocity. */
class OnlineVelocityTest {

    @TempDir
    static Path dir;
    private static TransactionModel model;

    @BeforeAll
    static void train() throws Exception {
        TransactionKind kind = new TransactionKind();
        try (TrainedModel trained = kind.newTrainer(HyperParameters.of(kind.parameters(), Map.of("graphFeatures", "data")))
                .train(SimulatedShop.orders(FraudScenario.DEMO.scaled(800, 11)), TrainingContext.silent())) {
            trained.save(dir);
        }
        model = TransactionModelFiles.read(dir);
    }

    @Test
    void aBurstOnOneCardRaisesTheNextOrdersScore(@TempDir Path journal) throws Exception {
        OrderActivity activity = new OrderActivity(journal, Clock.systemUTC());
        TransactionScorer live = new TransactionScorer(model, () -> activity);
        TransactionScorer frozen = new TransactionScorer(model);
        Map<String, Object> next = order("C00002", "2025-07-01T15:00", "K-burst");

        double before = live.score(ScoreRequest.of(next)).number("probability");
        for (int i = 0; i < 8; i++) {
            Map<String, Object> attempt = order("burst-" + i, String.format("2025-07-01T14:%02d", 10 + 5 * i), "K-burst");
            attempt.put("order_id", "burst-" + i);
            live.score(ScoreRequest.of(attempt));
        }
        ScoreResult after = live.score(ScoreRequest.of(next));
        // A loyal customer stays far from review on a burst alone (calibrated: the shop's rings also share
        // devices and addresses), but the burst becomes the first reason and multiplies the odds.
        assertTrue(after.number("probability") > 5 * before, before + " -> " + after.outputs());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> reasons = (List<Map<String, Object>>) after.outputs().get("reasons");
        assertEquals("cardOrders1h", reasons.get(0).get("code"), reasons.toString());
        assertTrue(String.valueOf(reasons.get(0).get("text")).contains("8 other orders"), reasons.toString());
        assertEquals(before, frozen.score(ScoreRequest.of(next)).number("probability"), 1e-12,
                "a scorer without the online memory reads its snapshot alone");
    }

    @Test
    void purchaseEventsMakeAnAccountAReturningCustomer() throws Exception {
        OrderActivity activity = new OrderActivity(null, Clock.systemUTC());
        TransactionScorer live = new TransactionScorer(model, () -> activity);
        Map<String, Object> next = order("shopper-new", "2025-07-01T15:00", "K-shopper-new");
        next.put("account_created", "2025-06-01");
        double before = live.score(ScoreRequest.of(next)).number("probability");
        List<Event> purchases = new java.util.ArrayList<>();
        for (int week = 0; week < 4; week++) {
            purchases.add(new Event("e" + week, EventType.PURCHASE, "shopper-new", "p" + week, 30,
                    Instant.parse("2025-06-0" + (2 + week) + "T10:00:00Z"), null, null));
        }
        activity.accepted(purchases);
        double after = live.score(ScoreRequest.of(next)).number("probability");
        assertTrue(after < before, before + " -> " + after);
    }

    private static Map<String, Object> order(String customer, String time, String card) {
        Map<String, Object> order = new HashMap<>(Map.of("customer", customer, "order_time", time, "amount", 60.0,
                "card", card, "device", "D-" + customer, "address", "A-" + customer, "billing_address",
                "A-" + customer));
        order.put("reasons", 5);
        return order;
    }
}
