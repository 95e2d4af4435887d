package io.merx.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.ModelLoadException;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;

/** What a shop sees: the demo catalogue searched with BM25 alone and, with the real encoder, hybrid. */
class SearchKindTest {

    private static final Dataset DEMO = DemoCatalogue.generate(300, 7);
    private static final ModelKind BM25_ONLY = new SearchKind(null);
    private static final ModelKind WITH_ENCODER = new SearchKind(SharedEncoder.get());

    @TempDir
    static Path dir;
    private static Path bm25Model;
    private static Path hybridModel;

    @BeforeAll
    static void train() throws Exception {
        bm25Model = train(BM25_ONLY, Map.of(), "bm25");
        hybridModel = train(WITH_ENCODER, Map.of("embeddings", "required"), "hybrid");
    }

    private static Path train(ModelKind kind, Map<String, Object> parameters, String name) throws Exception {
        Path target = Files.createDirectories(dir.resolve(name));
        try (TrainedModel model = kind.newTrainer(HyperParameters.of(kind.parameters(), parameters))
                .train(DEMO, TrainingContext.silent())) {
            model.save(target);
        }
        return target;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> products(ScoreResult result) {
        return (List<Map<String, Object>>) result.outputs().get("products");
    }

    private static List<Map<String, Object>> search(Scorer scorer, Map<String, Object> request) throws Exception {
        return products(scorer.score(ScoreRequest.of(request)));
    }

    private static Set<String> unavailable() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < DEMO.rowCount(); i++) {
            if ("false".equals(DEMO.strings("available")[i])) {
                ids.add(DEMO.strings("id")[i]);
            }
        }
        return ids;
    }

    @Test
    void bm25FindsProductsByTheirWordsBestFirstAndNeverUnavailableOnes() throws Exception {
        try (Scorer scorer = BM25_ONLY.load(bm25Model)) {
            ScoreResult result = scorer.score(ScoreRequest.of(Map.of("query", "running shoes", "k", 5)));
            assertEquals("bm25", result.text("mode"));
            List<Map<String, Object>> hits = products(result);
            assertEquals(5, hits.size());
            double previous = Double.POSITIVE_INFINITY;
            for (Map<String, Object> hit : hits) {
                assertTrue(hit.get("title").toString().endsWith("Running Shoes"), hits.toString());
                assertFalse(unavailable().contains(hit.get("id")), hit + " is unavailable");
                double score = (Double) hit.get("score");
                assertTrue(score <= previous, "best first: " + hits);
                previous = score;
            }
            // Every one of the 13 running shoes matches; asking for all of them returns only the available ones.
            List<Map<String, Object>> all = search(scorer, Map.of("query", "running shoes", "k", 300));
            long shoes = all.stream().filter(h -> h.get("title").toString().endsWith("Running Shoes")).count();
            long availableShoes = 0;
            for (int i = 0; i < DEMO.rowCount(); i++) {
                if (DEMO.strings("title")[i].endsWith("Running Shoes") && "true".equals(DEMO.strings("available")[i])) {
                    availableShoes++;
                }
            }
            assertEquals(availableShoes, shoes);
            assertTrue(all.stream().noneMatch(h -> unavailable().contains(h.get("id"))));
        }
    }

    @Test
    void categoryAndExcludeFiltersHold() throws Exception {
        try (Scorer scorer = BM25_ONLY.load(bm25Model)) {
            List<Map<String, Object>> waterproof = search(scorer, Map.of("query", "waterproof", "k", 50,
                    "categories", List.of("clothing")));
            assertFalse(waterproof.isEmpty());
            assertTrue(waterproof.stream().allMatch(h -> h.get("category").equals("clothing")
                    && h.get("title").toString().endsWith("Raincoat")), waterproof.toString());
            String first = (String) waterproof.get(0).get("id");
            List<Map<String, Object>> without = search(scorer, Map.of("query", "waterproof", "k", 50,
                    "categories", List.of("clothing"), "exclude", List.of(first)));
            assertEquals(waterproof.size() - 1, without.size());
            assertTrue(without.stream().noneMatch(h -> h.get("id").equals(first)));
            String second = (String) waterproof.get(1).get("id");
            List<Map<String, Object>> soldOut = search(scorer, Map.of("query", "waterproof", "k", 50,
                    "unavailable", List.of(first, "not-a-product")));
            assertTrue(soldOut.stream().noneMatch(h -> h.get("id").equals(first)), soldOut.toString());
            List<Map<String, Object>> only = search(scorer, Map.of("query", "waterproof", "k", 50,
                    "include", List.of(second, "P0005")));
            assertEquals(List.of(second), only.stream().map(h -> h.get("id")).toList(),
                    "P0005 (a sofa) is allowed but has no matching word");
        }
    }

    @Test
    void embeddingsFindAProductByASynonymThatSharesNoWordWithIt() throws Exception {
        try (Scorer scorer = WITH_ENCODER.load(hybridModel)) {
            assertTrue(search(scorer, Map.of("query", "sneakers", "mode", "bm25")).isEmpty(),
                    "no product text has the word");
            ScoreResult hybrid = scorer.score(ScoreRequest.of(Map.of("query", "sneakers", "k", 3)));
            assertEquals("hybrid", hybrid.text("mode"));
            for (Map<String, Object> hit : products(hybrid)) {
                assertTrue(hit.get("title").toString().endsWith("Running Shoes"), products(hybrid).toString());
                assertTrue(hit.containsKey("semanticRank") && !hit.containsKey("bm25Rank"), hit.toString());
            }
            Map<String, Object> couch = search(scorer, Map.of("query", "couch", "k", 1)).get(0);
            assertTrue(couch.get("title").toString().endsWith("Sofa"), couch.toString());
            Map<String, Object> phone = search(scorer, Map.of("query", "cellphone", "k", 1)).get(0);
            assertTrue(phone.get("title").toString().endsWith("Smartphone"), phone.toString());
        }
    }

    @Test
    void hybridKeepsExactMatchesOnTopAndABatchAnswersAsSingleRequestsDo() throws Exception {
        try (Scorer scorer = WITH_ENCODER.load(hybridModel)) {
            List<ScoreRequest> requests = List.of(ScoreRequest.of(Map.of("query", "cast iron skillet", "k", 3)),
                    ScoreRequest.of(Map.of("query", "noise cancelling headphones", "mode", "semantic", "k", 3)),
                    ScoreRequest.of(Map.of("query", "tent", "mode", "bm25", "k", 3)));
            List<ScoreResult> batch = scorer.scoreBatch(requests);
            for (int i = 0; i < requests.size(); i++) {
                assertEquals(scorer.score(requests.get(i)).outputs(), batch.get(i).outputs());
            }
            for (Map<String, Object> hit : products(batch.get(0))) {
                assertTrue(hit.get("title").toString().endsWith("Skillet"), products(batch.get(0)).toString());
                assertTrue(hit.containsKey("bm25Rank") && hit.containsKey("semanticRank"), hit.toString());
            }
            assertTrue(products(batch.get(1)).get(0).get("title").toString().endsWith("Headphones"));
        }
    }

    @Test
    void aModelWithEmbeddingsRefusesToLoadWithoutTheEncoder() {
        ModelLoadException error = assertThrows(ModelLoadException.class, () -> BM25_ONLY.load(hybridModel));
        assertTrue(error.getMessage().contains("install the merx-encoder feature"), error.getMessage());
    }

    @Test
    void embeddingsRequiredWithoutAnEncoderIsRefusedNamingTheParameter() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> BM25_ONLY.newTrainer(
                HyperParameters.of(BM25_ONLY.parameters(), Map.of("embeddings", "required"))));
        assertTrue(error.getMessage().contains("embeddings"), error.getMessage());
    }

    @Test
    void labelledQueriesChooseTheWeightAndMeasureEveryMode() throws Exception {
        // Shoppers' words for each product type, most of them absent from the texts.
        String[][] words = {{"sneakers for jogging", "Running Shoes"}, {"couch", "Sofa"}, {"cellphone", "Smartphone"},
                {"frying pan", "Skillet"}, {"notebook computer", "Laptop"}, {"rucksack", "Backpack"},
                {"tee", "T-Shirt"}, {"wellies for the trail", "Hiking Boots"}, {"earphones", "Headphones"},
                {"denim", "Jeans"}, {"jumper", "Sweater"}, {"flask", "Water Bottle"}};
        List<String> lines = new ArrayList<>(List.of("query,id"));
        for (String[] pair : words) {
            // The type's last available product: the catalogue order must not help.
            for (int i = DEMO.rowCount() - 1; i >= 0; i--) {
                if (DEMO.strings("title")[i].endsWith(pair[1]) && "true".equals(DEMO.strings("available")[i])) {
                    lines.add("\"" + pair[0] + "\"," + DEMO.strings("id")[i]);
                    break;
                }
            }
        }
        Path queries = Files.write(dir.resolve("queries.csv"), lines);
        try (TrainedModel model = WITH_ENCODER.newTrainer(HyperParameters.of(WITH_ENCODER.parameters(),
                Map.of("queries", queries.toString()))).train(DEMO, TrainingContext.silent())) {
            Map<String, Double> metrics = model.provenance().metrics();
            assertEquals(6.0, metrics.get("testQueries"), metrics.toString());
            assertTrue(metrics.get("semanticWeight") > 0, "synonym queries favour the embeddings: " + metrics);
            assertTrue(metrics.get("ndcg10Hybrid") > metrics.get("ndcg10Bm25"), metrics.toString());
        }
        Path bad = Files.write(dir.resolve("bad.csv"), List.of("query,id", "tent,P9999", "tent,P0001"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> BM25_ONLY.newTrainer(
                HyperParameters.of(BM25_ONLY.parameters(), Map.of("queries", bad.toString())))
                .train(DEMO, TrainingContext.silent()));
        assertTrue(error.getMessage().contains("queries") && error.getMessage().contains("P9999"), error.getMessage());
    }

    @Test
    void badCatalogueRowsAreRefusedNamingColumnAndRow() {
        Dataset duplicate = Dataset.builder().strings("id", new String[] {"A", "A"})
                .strings("title", new String[] {"one", "two"}).build();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> BM25_ONLY.newTrainer(
                HyperParameters.of(BM25_ONLY.parameters(), Map.of())).train(duplicate, TrainingContext.silent()));
        assertTrue(error.getMessage().contains("'id' row 2"), error.getMessage());
        Dataset badFlag = Dataset.builder().strings("id", new String[] {"A"}).strings("title", new String[] {"one"})
                .strings("available", new String[] {"maybe"}).build();
        error = assertThrows(IllegalArgumentException.class, () -> BM25_ONLY.newTrainer(
                HyperParameters.of(BM25_ONLY.parameters(), Map.of())).train(badFlag, TrainingContext.silent()));
        assertTrue(error.getMessage().contains("'available' row 1"), error.getMessage());
    }
}
