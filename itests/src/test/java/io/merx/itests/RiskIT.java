package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.merx.api.Dataset;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.ScoreRequest;
import io.merx.api.events.Event;
import io.merx.api.events.EventService;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.osgi.framework.Bundle;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * risk.transaction in the distribution with the real Neo4j: feature merx-risk brings merx-graph, whose embedded
 * server starts as a child JVM; the demo model (graphFeatures=neo4j) ingests the demo shop's accounts into it and
 * snapshots the identifier graph it reads back. A fresh account paying with a card of a known ring, at night,
 * shipping away from billing, must be stopped, and the answer must say why.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RiskIT extends ModuleITSupport {

    private static final String RING_CARD = "K-ring0-0";

    @Override
    protected String kind() {
        return "risk.transaction";
    }

    @Override
    protected String requestJson() {
        return "{\"customer\": \"fresh-account\", \"order_time\": \"2025-05-02T02:30\", \"amount\": 240,"
                + " \"card\": \"" + RING_CARD + "\", \"device\": \"D-fresh\", \"address\": \"A-fresh\","
                + " \"billing_address\": \"B-fresh\", \"reasons\": 5}";
    }

    /** A second version at other costs: missing a fraud now costs 20 good orders blocked. */
    @Override
    protected Map<String, String> secondVersionParameters() {
        return Map.of("missedFraudCost", "20");
    }

    @Override
    protected void assertAnswer(Map<String, Object> outputs, Dataset demo) {
        assertTrue("the demo shop's ring 0 paid with " + RING_CARD, distinct(demo, "card").contains(RING_CARD));
        double probability = finite(outputs.get("probability"), "probability");
        assertTrue(outputs.toString(), probability > 0.05 && probability <= 1);
        assertTrue(outputs.toString(), List.of("review", "block").contains(outputs.get("decision")));
        Map<String, Object> graph = object(outputs.get("graph"));
        assertTrue("the card links the new account to the ring's accounts in Neo4j: " + graph,
                ((Number) graph.get("linkedAccounts")).longValue() >= 1);
        assertTrue("the ring holds known fraud: " + graph, ((Number) graph.get("ringFraudAccounts")).longValue() >= 1);
        assertEquals(graph.toString(), Boolean.FALSE, graph.get("knownFraudAccount"));
        List<Object> reasons = list(outputs, "reasons");
        assertTrue(outputs.toString(), !reasons.isEmpty() && reasons.size() <= 5);
        boolean graphReason = false;
        for (Object entry : reasons) {
            Map<String, Object> reason = object(entry);
            assertTrue(reason.toString(), reason.get("text") instanceof String && !((String) reason.get("text")).isBlank());
            graphReason |= List.of("sharedIdentifiers", "linkedAccounts", "ringSize", "ringFraudAccounts",
                    "fraudProximity").contains(reason.get("code"));
        }
        assertTrue("a reason from the graph among " + reasons, graphReason);
    }

    @Test
    @Override
    public void installTrainScoreSwap() throws Exception {
        super.installTrainScoreSwap();
    }

    /** With the events bundle: velocity follows what happens after training, also across a restart of merx-risk. */
    @Override
    protected String bootFeatures() {
        return "merx-risk, merx-events";
    }

    /**
     * Orders scored with an {@code order_id} count in the card velocity of later orders, and the shop's purchase
     * events make an account a returning customer; after merx-risk restarts, its journal and the events bundle's
     * replay give the same answers.
     */
    @Test
    public void velocityFollowsScoredOrdersAndPurchaseEventsAcrossARestart() throws Exception {
        ModelRuntime runtime = awaitService(ModelRuntime.class, null);
        EventService events = awaitService(EventService.class, null);
        LiveModels.await(runtime, demoModel());

        // Times near now: the events bundle replays only the last 7 days of events to a restarted listener.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        for (int i = 0; i < 6; i++) {
            String time = minute(now.minus(50 - 5 * i, ChronoUnit.MINUTES));
            runtime.score(demoModel(), ScoreRequest.of(order("burst-" + i, time, "K-live-burst",
                    Map.of("order_id", "it-burst-" + i))));
        }
        Map<String, Object> probe = order("probe", minute(now), "K-live-burst", Map.of("reasons", 10));
        assertTrue(reasonsOf(runtime, probe), reasonsOf(runtime, probe).contains("this card placed 6 other orders"));

        Map<String, Object> returning = order("it-returning", minute(now), "K-it-returning",
                Map.of("account_created", now.minus(30, ChronoUnit.DAYS).toString().substring(0, 10)));
        double newcomer = probability(runtime, returning);
        List<Event> purchases = new ArrayList<>();
        for (int day = 2; day <= 5; day++) {
            purchases.add(Event.of("it-purchase-" + day, "purchase", "it-returning", "p" + day, 30.0,
                    now.minus(day, ChronoUnit.DAYS).toString(), null, null));
        }
        events.ingest(purchases);
        double returningCustomer = awaitProbabilityBelow(runtime, returning, newcomer);

        Bundle risk = bundle("io.merx.risk");
        risk.stop();
        risk.start();
        LiveModels.await(runtime, demoModel());
        // The kind binds the bundle's order memory as it starts: answers may lag it by a moment.
        long journalDeadline = System.currentTimeMillis() + 30_000;
        String reasons = reasonsOf(runtime, probe);
        while (!reasons.contains("this card placed 6 other orders") && System.currentTimeMillis() < journalDeadline) {
            Thread.sleep(100);
            reasons = reasonsOf(runtime, probe);
        }
        assertTrue("the journal after a restart: " + reasons, reasons.contains("this card placed 6 other orders"));
        long deadline = System.currentTimeMillis() + 30_000;
        double replayed = probability(runtime, returning);
        while (Math.abs(replayed - returningCustomer) > 1e-9 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100); // the events bundle replays to the new listener asynchronously
            replayed = probability(runtime, returning);
        }
        assertEquals("the events replayed after a restart", returningCustomer, replayed, 1e-9);
    }

    /** The scorer's {@code order_time} format, e.g. 2026-12-03T14:05. */
    private static String minute(Instant time) {
        return time.toString().substring(0, 16);
    }

    private static Map<String, Object> order(String customer, String time, String card, Map<String, Object> extra) {
        Map<String, Object> order = new HashMap<>(Map.of("customer", customer, "order_time", time, "amount", 60.0,
                "card", card, "device", "D-" + customer, "address", "A-" + customer, "billing_address",
                "A-" + customer));
        order.putAll(extra);
        return order;
    }

    private String reasonsOf(ModelRuntime runtime, Map<String, Object> order) throws Exception {
        return String.valueOf(runtime.score(demoModel(), ScoreRequest.of(order)).result().outputs().get("reasons"));
    }

    private double probability(ModelRuntime runtime, Map<String, Object> order) throws Exception {
        return runtime.score(demoModel(), ScoreRequest.of(order)).result().number("probability");
    }

    /** Events reach listeners asynchronously: waits for their effect. */
    private double awaitProbabilityBelow(ModelRuntime runtime, Map<String, Object> order, double bound)
            throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        double p = probability(runtime, order);
        while (p >= bound && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            p = probability(runtime, order);
        }
        assertTrue("purchase events lowered the score: " + bound + " -> " + p, p < bound);
        return p;
    }
}
