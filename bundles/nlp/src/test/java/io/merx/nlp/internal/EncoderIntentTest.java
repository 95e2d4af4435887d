package io.merx.nlp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.HyperParameters;
import io.merx.api.ModelLoadException;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;

/** The kind with the real all-MiniLM-L6-v2 encoder: intents on embeddings and n-grams, distance-based scope. */
class EncoderIntentTest {

    private static final NlpKind KIND = new NlpKind(SharedAnalyzer.get(), SharedEncoder.get());

    @TempDir
    static Path modelDir;
    private static Map<String, Double> metrics;

    @BeforeAll
    static void trainDemoModel() throws Exception {
        try (TrainedModel model = KIND.newTrainer(HyperParameters.of(KIND.parameters(), Map.of("hashBits", 14)))
                .train(KIND.demoData().orElseThrow(), TrainingContext.silent())) {
            metrics = model.provenance().metrics();
            model.save(modelDir);
        }
    }

    private static ScoreResult score(Scorer scorer, String text) throws Exception {
        return scorer.score(ScoreRequest.of(Map.of("text", text)));
    }

    @Test
    void heldOutMetricsAndScopeRateAreWhatWasAskedFor() {
        assertTrue(metrics.get("accuracy") > 0.9, metrics.toString());
        double inScope = metrics.get("inScopeRate");
        assertTrue(inScope > 0.85, "falseOutOfScopeRate 0.05 leaves at least about 95 % in scope: " + metrics);
        assertEquals(FusedScope.MIN_THRESHOLD, metrics.get("outOfScopeThreshold"),
                "on templated demo messages the 95th percentile is below the floor: " + metrics);
        assertEquals(840.0, metrics.get("trainingRows"), "refitted on every row");
        assertTrue(java.util.Set.of(2.0, 4.0, 8.0).contains(metrics.get("embeddingWeight")),
                "embeddingWeight 0 (default) chooses one of IntentTrainer.EMBEDDING_WEIGHTS: " + metrics);
        assertTrue(java.util.Arrays.stream(HeadFusion.NGRAM_WEIGHTS).anyMatch(a -> a == metrics.get("ngramWeight")),
                "the n-gram head's weight in the fusion is one of HeadFusion.NGRAM_WEIGHTS: " + metrics);
    }

    @Test
    void questionsFarFromEveryIntentAreOutOfScopeAndShopQuestionsAreNot() throws Exception {
        try (Scorer scorer = KIND.load(modelDir)) {
            ScoreResult order = score(scorer, "Where is my order #482913? It has not arrived yet.");
            assertEquals("order_status", order.text("intent"), order.outputs().toString());
            assertEquals(Boolean.TRUE, order.outputs().get("inScope"));
            @SuppressWarnings("unchecked")
            Map<String, Object> scope = (Map<String, Object>) order.outputs().get("scope");
            assertEquals("combined", scope.get("measure"));

            for (String offTopic : List.of("What is the capital of Australia?",
                    "Write me a short poem about the autumn sea.", "How many moons does Jupiter have?")) {
                ScoreResult r = score(scorer, offTopic);
                assertEquals(AssistantScorer.OUT_OF_SCOPE, r.text("intent"), r.outputs().toString());
                assertEquals("human", r.text("routing"));
            }
        }
    }

    @Test
    void batchIsScoredInOnePassAndMatchesSingleRequests() throws Exception {
        try (Scorer scorer = KIND.load(modelDir)) {
            List<ScoreRequest> requests = List.of(ScoreRequest.of(Map.of("text", "I want to cancel order #123456")),
                    ScoreRequest.of(Map.of("text", "My login does not work", "history", List.of("hello", "hi"))),
                    ScoreRequest.of(Map.of("text", "Can I talk to a human?")));
            List<ScoreResult> batch = scorer.scoreBatch(requests);
            for (int i = 0; i < requests.size(); i++) {
                ScoreResult single = scorer.score(requests.get(i));
                assertEquals(single.text("intent"), batch.get(i).text("intent"));
                assertEquals(single.number("confidence"), batch.get(i).number("confidence"), 1e-5);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> suggestions(ScoreResult r) {
        return (List<Map<String, Object>>) r.outputs().get("suggestions");
    }

    @Test
    void faqQuestionsAreFoundByMeaningWithoutSharedWordsAndUnrelatedMessagesGetNone() throws Exception {
        assertTrue(metrics.get("faqQuestions") >= 10, metrics.toString());
        try (Scorer scorer = KIND.load(modelDir)) {
            // No word in common with "Do you ship internationally?" or "Which countries do you deliver to?".
            ScoreResult abroad = score(scorer, "Can parcels be sent abroad?");
            List<Map<String, Object>> found = suggestions(abroad);
            assertFalse(found.isEmpty(), abroad.outputs().toString());
            assertTrue(((String) found.get(0).get("answer")).startsWith("We deliver to 30 countries"),
                    found.toString());
            assertTrue((Double) found.get(0).get("similarity") >= AssistantTrainer.FAQ_SIMILARITY, found.toString());

            ScoreResult wrap = score(scorer, "Could you wrap it as a present?");
            assertEquals("Do you offer gift wrapping?", suggestions(wrap).get(0).get("question"),
                    wrap.outputs().toString());

            for (String unrelated : List.of("How many moons does Jupiter have?", "I want to cancel order #123456")) {
                ScoreResult r = score(scorer, unrelated);
                assertEquals(List.of(), suggestions(r), r.outputs().toString());
            }
            // An in-scope intent keeps its own answer; suggestions never replace it.
            ScoreResult cancel = score(scorer, "I want to cancel order #123456");
            assertEquals("cancel_order", cancel.text("intent"));
            assertTrue(cancel.outputs().containsKey("answer"), cancel.outputs().toString());
        }
    }

    /** A model as written before FAQ entries and the combined measure: distance scope, no faq.bin. */
    @Test
    void aDistanceModelWithoutFaqEmbeddingsLoadsAndScoresAsBefore(@TempDir Path dir) throws Exception {
        try (TrainedModel model = KIND.newTrainer(HyperParameters.of(KIND.parameters(),
                Map.of("hashBits", 12, "epochs", 5, "outOfScopeMeasure", "distance")))
                .train(KIND.demoData().orElseThrow(), TrainingContext.silent())) {
            model.save(dir);
        }
        assertFalse(java.nio.file.Files.exists(dir.resolve(AssistantFiles.NEIGHBOURS)));
        java.nio.file.Files.delete(dir.resolve(AssistantFiles.FAQ));
        try (Scorer scorer = KIND.load(dir)) {
            ScoreResult r = score(scorer, "Can parcels be sent abroad?");
            assertFalse(r.outputs().containsKey("suggestions"), r.outputs().toString());
            assertTrue(r.outputs().get("scope").toString().contains("measure=distance"), r.outputs().toString());
            assertEquals("cancel_order", score(scorer, "I want to cancel order #123456").text("intent"));
        }
    }

    /**
     * A combined model saved before its neighbours were grouped by intent has no {@code scope.intentStarts}: it
     * searches every training message, so its nearest one is at least as near and its scope value no higher. A
     * broken list is refused by name.
     */
    @Test
    void aCombinedModelWithoutIntentStartsSearchesEveryNeighbour(@TempDir Path dir) throws Exception {
        Path old = java.nio.file.Files.createDirectory(dir.resolve("old"));
        Path broken = java.nio.file.Files.createDirectory(dir.resolve("broken"));
        for (Path copy : List.of(old, broken)) {
            try (var files = java.nio.file.Files.list(modelDir)) {
                for (Path f : files.toList()) {
                    java.nio.file.Files.copy(f, copy.resolve(f.getFileName()));
                }
            }
        }
        java.util.Properties meta = new java.util.Properties();
        try (var in = java.nio.file.Files.newInputStream(modelDir.resolve(AssistantFiles.META))) {
            meta.load(in);
        }
        assertTrue(meta.getProperty("scope.intentStarts", "").startsWith("0,"), meta.toString());
        meta.remove("scope.intentStarts");
        try (var out = java.nio.file.Files.newOutputStream(old.resolve(AssistantFiles.META))) {
            meta.store(out, null);
        }
        meta.setProperty("scope.intentStarts", "0,1,2");
        try (var out = java.nio.file.Files.newOutputStream(broken.resolve(AssistantFiles.META))) {
            meta.store(out, null);
        }
        try (Scorer grouped = KIND.load(modelDir); Scorer whole = KIND.load(old)) {
            for (String text : List.of("I want to cancel order #123456", "Can parcels be sent abroad?",
                    "what is the airspeed of an unladen swallow")) {
                ScoreResult g = score(grouped, text);
                ScoreResult w = score(whole, text);
                assertEquals(g.text("intent"), w.text("intent"), text);
                double gv = ((Number) ((Map<?, ?>) g.outputs().get("scope")).get("value")).doubleValue();
                double wv = ((Number) ((Map<?, ?>) w.outputs().get("scope")).get("value")).doubleValue();
                assertTrue(wv <= gv + 1e-9, text + ": " + wv + " > " + gv);
            }
        }
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> KIND.load(broken));
        assertTrue(e.getMessage().contains("scope.intentStarts"), e.getMessage());
    }

    @Test
    void aModelTrainedOnEmbeddingsNeedsTheEncoderToLoad() {
        ModelLoadException e = assertThrows(ModelLoadException.class,
                () -> new NlpKind(SharedAnalyzer.get(), null).load(modelDir));
        assertTrue(e.getMessage().contains("merx-encoder"), e.getMessage());
    }

    @Test
    void measuresThatNeedEmbeddingsAreRefusedWithoutThem() {
        for (NlpKind kind : List.of(new NlpKind(SharedAnalyzer.get(), null), KIND)) {
            Map<String, Object> hp = kind == KIND ? Map.of("outOfScopeMeasure", "combined", "embeddings", "off")
                    : Map.of("outOfScopeMeasure", "distance");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> kind.newTrainer(HyperParameters.of(kind.parameters(), hp)));
            assertTrue(e.getMessage().contains("'outOfScopeMeasure'"), e.getMessage());
        }
    }

    @Test
    void requiredEmbeddingsWithoutEncoderFailBeforeTraining() {
        NlpKind plain = new NlpKind(SharedAnalyzer.get(), null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> plain
                .newTrainer(HyperParameters.of(plain.parameters(), Map.of("embeddings", "required"))));
        assertTrue(e.getMessage().contains("'embeddings'"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}
