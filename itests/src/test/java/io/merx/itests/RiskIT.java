package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import io.merx.api.Dataset;

import org.junit.Test;
import org.junit.runner.RunWith;
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
}
