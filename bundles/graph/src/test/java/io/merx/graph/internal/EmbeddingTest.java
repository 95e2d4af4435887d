package io.merx.graph.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.HyperParameters;
import io.merx.api.ScoreRequest;
import io.merx.api.Scorer;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;

class EmbeddingTest {

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void embeddingsPredictHeldBackPurchasesAndAreWrittenBack() throws Exception {
        EmbeddingKind kind = TestGraph.bound(new EmbeddingKind());
        Map<String, Double> metrics;
        try (TrainedModel model = kind.newTrainer(HyperParameters.of(kind.parameters(), Map.of("writeBack", true)))
                .train(DemoShop.generate(2_000, 8, "embedding-test"), TrainingContext.silent())) {
            metrics = model.provenance().metrics();
            model.save(dir);
        }
        // 120 products: a random top 10 hits 10/120 of the time.
        assertTrue(metrics.get("hitRate@10") > 2 * 10.0 / 120, metrics.toString());
        assertTrue(metrics.get("heldOutPairs") > 100, metrics.toString());
        List<Map<String, Object>> rows = TestGraph.store().query(
                "MATCH (p:Product {graph: $graph, id: 'P001'}) RETURN p.embedding AS v", Map.of("graph", "embedding-test"));
        assertEquals(256, ((List<?>) rows.get(0).get("v")).size());
        try (Scorer scorer = kind.load(dir)) {
            List<Map<String, Object>> similar = (List<Map<String, Object>>) scorer
                    .score(ScoreRequest.of(Map.of("product", "P001", "limit", 5))).outputs().get("items");
            assertFalse(similar.stream().anyMatch(i -> i.get("product").equals("P001")));
            assertTrue(similar.stream().anyMatch(i -> i.get("product").equals("P016") || i.get("product").equals("P106")),
                    similar.toString());
            assertTrue(scorer.nativeMemoryBytes() > 0);
        }
    }

    @Test
    void badIterationWeightsAreRefusedNamingTheParameter() {
        EmbeddingKind kind = new EmbeddingKind();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kind.newTrainer(
                HyperParameters.of(kind.parameters(), Map.of("iterationWeights", "1,x"))));
        assertTrue(e.getMessage().contains("iterationWeights"), e.getMessage());
    }
}
