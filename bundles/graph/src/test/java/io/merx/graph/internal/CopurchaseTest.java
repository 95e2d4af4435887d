package io.merx.graph.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

class CopurchaseTest {

    private static final String GRAPH = "copurchase-test";
    @TempDir
    static Path dir;
    private static Scorer scorer;
    private static Map<String, Double> metrics;

    @BeforeAll
    static void train() throws Exception {
        CopurchaseKind kind = TestGraph.bound(new CopurchaseKind());
        try (TrainedModel model = kind.newTrainer(HyperParameters.of(kind.parameters(), Map.of()))
                .train(DemoShop.generate(2_000, 8, GRAPH), TrainingContext.silent())) {
            metrics = model.provenance().metrics();
            model.save(dir);
        }
        scorer = kind.load(dir);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(ScoreResult result) {
        return (List<Map<String, Object>>) result.outputs().get("items");
    }

    @Test
    void plantedComplementsComeFirstWithLiftAboveOne() throws Exception {
        // DemoShop often adds partner(p) = p + 15 (next category) after p: P001 goes with P016 and P106.
        List<Map<String, Object>> items = items(scorer.score(ScoreRequest.of(Map.of("product", "P001", "limit", 3))));
        assertEquals(java.util.Set.of("P016", "P106"),
                java.util.Set.of(items.get(0).get("product"), items.get(1).get("product")), items.toString());
        assertTrue((Double) items.get(1).get("lift") > 2, items.toString());
        assertTrue(metrics.get("hitRate@10") > 0.3, metrics.toString());
    }

    @Test
    void snapshotCountsMatchALiveCypherQuery() throws Exception {
        Map<String, Object> top = items(scorer.score(ScoreRequest.of(Map.of("product", "P002")))).get(0);
        long live = ((Number) TestGraph.store().query("""
                MATCH (a:Product {graph: $graph, id: $a})<-[:CONTAINS]-(o:Order)-[:CONTAINS]->(b:Product {id: $b})
                RETURN count(DISTINCT o) AS n""", Map.of("graph", GRAPH, "a", "P002", "b", top.get("product")))
                .get(0).get("n")).longValue();
        assertEquals(live, ((Number) top.get("count")).longValue());
    }

    @Test
    void categoryFiltersApply() throws Exception {
        for (Map<String, Object> item : items(scorer.score(ScoreRequest.of(
                Map.of("product", "P001", "crossCategory", true))))) {
            assertNotEquals("cat0", item.get("category"));
        }
        for (Map<String, Object> item : items(scorer.score(ScoreRequest.of(Map.of("product", "P001", "category", "cat0"))))) {
            assertEquals("cat0", item.get("category"));
        }
    }

    @Test
    void unknownProductsFallBackToPopularOnes() throws Exception {
        ScoreResult result = scorer.score(ScoreRequest.of(Map.of("product", "nothing-like-it", "limit", 4)));
        assertEquals(true, result.outputs().get("fallback"));
        assertEquals(4, items(result).size());
        assertEquals(List.of("nothing-like-it"), result.outputs().get("unknown"));
        assertFalse(items(scorer.score(ScoreRequest.of(Map.of("products", List.of("P001", "P016"))))).stream()
                .anyMatch(i -> i.get("product").equals("P001") || i.get("product").equals("P016")),
                "products already in the basket are not recommended");
    }
}
