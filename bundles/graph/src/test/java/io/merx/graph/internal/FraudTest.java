package io.merx.graph.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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

class FraudTest {

    @TempDir
    static Path dir;
    private static Scorer scorer;
    private static Map<String, Double> metrics;

    @BeforeAll
    static void train() throws Exception {
        FraudKind kind = TestGraph.bound(new FraudKind());
        try (TrainedModel model = kind.newTrainer(HyperParameters.of(kind.parameters(), Map.of()))
                .train(DemoShop.generate(2_000, 8, "fraud-test"), TrainingContext.silent())) {
            metrics = model.provenance().metrics();
            model.save(dir);
        }
        scorer = kind.load(dir);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> evidence(ScoreResult result) {
        return (List<Map<String, Object>>) result.outputs().get("evidence");
    }

    @Test
    void plantedRingsAreFoundWithTheirEvidence() throws Exception {
        // Ring 0 is C300..C303: C300 and C301 are flagged, C302 shares the device D-ring0 with C300.
        ScoreResult member = scorer.score(ScoreRequest.of(Map.of("account", "C302")));
        ScoreResult ordinary = scorer.score(ScoreRequest.of(Map.of("account", "C011")));
        assertEquals(4, ((Number) member.outputs().get("ringSize")).intValue(), member.toString());
        assertEquals(2, ((Number) member.outputs().get("ringFraudAccounts")).intValue());
        assertEquals(1, ((Number) member.outputs().get("hopsToFraud")).intValue());
        assertTrue(evidence(member).stream().anyMatch(e -> e.get("value").equals("D-ring0")), member.toString());
        assertTrue(member.number("risk") > 0.5 && ordinary.number("risk") < 0.1,
                member.number("risk") + " vs " + ordinary.number("risk"));
        assertEquals(1, ((Number) ordinary.outputs().get("ringSize")).intValue());
        assertEquals(6, metrics.get("rings"), metrics.toString());
        assertTrue(metrics.get("auc") > 0.9, metrics.toString());
    }

    @Test
    void aNewOrderReusingARingsCardJoinsTheRing() throws Exception {
        // Ring 5 (C330..C338) is not flagged: big but without known fraud.
        ScoreResult result = scorer.score(ScoreRequest.of(Map.of("card", "K-ring5", "device", "D-brand-new")));
        assertEquals(false, result.outputs().get("knownAccount"));
        assertTrue(((Number) result.outputs().get("ringSize")).intValue() > 5, result.toString());
        assertEquals(-1, ((Number) result.outputs().get("hopsToFraud")).intValue());
        assertEquals("K-ring5", evidence(result).get(0).get("value"));
    }

    @Test
    void sharedOfficeIpIsAHubNotARing() throws Exception {
        ScoreResult result = scorer.score(ScoreRequest.of(Map.of("account", "C005")));
        assertEquals(1, ((Number) result.outputs().get("ringSize")).intValue(), result.toString());
        assertTrue(evidence(result).stream().anyMatch(e -> e.get("value").equals("IP-office") && e.get("hub")
                .equals(true)), result.toString());
    }
}
