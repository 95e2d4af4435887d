package io.merx.nlp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

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
import io.merx.corenlp.TextAnalysis;
import io.merx.corenlp.TextAnalyzer;

/** A sentiment head learned from a sentiment column answers sentiment without CoreNLP, and survives a reload. */
class SentimentHeadTest {

    /** The real shared pipeline, counting how often a request reaches it. */
    private static final AtomicInteger ANALYSES = new AtomicInteger();
    private static final TextAnalyzer COUNTING = new TextAnalyzer() {
        @Override
        public TextAnalysis analyze(String text) {
            ANALYSES.incrementAndGet();
            return SharedAnalyzer.get().analyze(text);
        }

        @Override
        public List<String> description() {
            return SharedAnalyzer.get().description();
        }

        @Override
        public long timeoutMillis() {
            return SharedAnalyzer.get().timeoutMillis();
        }
    };
    private static final NlpKind KIND = new NlpKind(COUNTING, null);

    /** Tones appended to the demo messages; the last of each is never trained on, only its words are. */
    private static final Map<String, String[]> TONES = Map.of(
            "very negative", new String[] {" I am furious.", " This is unacceptable and a disgrace.",
                    " Absolutely terrible, I am so angry.", " Worst shop ever, I am livid."},
            "positive", new String[] {" You have been so helpful, thank you!", " I love this shop.",
                    " Great service as always, much appreciated.", " Lovely shop, so helpful."},
            "neutral", new String[] {"", " Regards.", " Order placed online.", ""});

    @TempDir
    static Path modelDir;
    private static Map<String, Double> metrics;
    private static Scorer scorer;

    @BeforeAll
    static void train() throws Exception {
        try (TrainedModel model = train(withTones(DemoData.generate(40, 5), "sentiment"), "sentiment")) {
            metrics = model.provenance().metrics();
            model.save(modelDir);
        }
        scorer = KIND.load(modelDir);
    }

    /** The demo messages, each with a tone drawn at random (not its last phrase) and that tone as its label. */
    private static Dataset withTones(Dataset demo, String column) {
        String[] texts = demo.strings("text").clone();
        String[] labels = new String[texts.length];
        List<String> tones = List.copyOf(TONES.keySet());
        Random random = new Random(3);
        for (int i = 0; i < texts.length; i++) {
            labels[i] = tones.get(random.nextInt(tones.size()));
            String[] phrases = TONES.get(labels[i]);
            texts[i] += phrases[random.nextInt(phrases.length - 1)];
        }
        return Dataset.builder().strings("text", texts).strings("intent", demo.strings("intent"))
                .strings(column, labels).build();
    }

    private static TrainedModel train(Dataset data, String column) throws Exception {
        return KIND.newTrainer(HyperParameters.of(KIND.parameters(), Map.of("hashBits", 14, "epochs", 10,
                "sentimentColumn", column))).train(data, TrainingContext.silent());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sentiment(ScoreResult r) {
        return (Map<String, Object>) r.outputs().get("sentiment");
    }

    private static ScoreResult score(Scorer s, Map<String, Object> request) throws Exception {
        return s.score(ScoreRequest.of(request));
    }

    @Test
    void heldOutRowsMeasureTheHead() {
        assertTrue(metrics.get("sentimentAccuracy") > 0.9, metrics.toString());
        assertTrue(metrics.get("sentimentMacroF1") > 0.9, metrics.toString());
        assertTrue(metrics.get("sentimentEvaluationRows") > 20, metrics.toString());
    }

    @Test
    void sentimentComesFromTheHeadWithoutCoreNlp() throws Exception {
        int before = ANALYSES.get();
        ScoreResult angry = score(scorer, Map.of("text",
                "Where is my order #482913? Terrible, a disgrace, I am so angry.", "sentiment", true));
        ScoreResult pleased = score(scorer, Map.of("text",
                "Where is my order #482913? Thank you, I love this shop, so helpful.", "sentiment", true));
        assertEquals(before, ANALYSES.get(), "CoreNLP ran for a model with a sentiment head");
        assertEquals("very negative", sentiment(angry).get("label"), angry.outputs().toString());
        assertEquals("model", sentiment(angry).get("source"));
        assertEquals("positive", sentiment(pleased).get("label"), pleased.outputs().toString());
        @SuppressWarnings("unchecked")
        Map<String, Double> distribution = (Map<String, Double>) sentiment(pleased).get("distribution");
        assertEquals(0.0, distribution.get("very positive"), "a class never labelled has probability 0");
        assertEquals(1.0, distribution.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
    }

    @Test
    void anUnhappyComplaintIsUrgentOnTheHeadsSentiment() throws Exception {
        int before = ANALYSES.get();
        ScoreResult r = score(scorer, Map.of("text",
                "I am extremely disappointed with your company. This is unacceptable and a disgrace."));
        assertEquals("complaint", r.text("intent"), r.outputs().toString());
        assertEquals("urgent", r.text("routing"), r.outputs().toString());
        assertEquals(before, ANALYSES.get());
    }

    @Test
    void entitiesStillAskCoreNlpForDatesAndAmounts() throws Exception {
        int before = ANALYSES.get();
        ScoreResult r = score(scorer, Map.of("text", "Where is my order #482913? I paid $59.90 on March 3, 2026.",
                "entities", true, "sentiment", true));
        assertEquals(before + 1, ANALYSES.get());
        assertTrue(r.outputs().get("entities").toString().contains("MONEY"), r.outputs().toString());
        assertEquals("model", sentiment(r).get("source"), "the shop's own labels win over CoreNLP's");

        ScoreResult entitiesOnly = score(scorer, Map.of("text", "Where is my order #482913? I paid $59.90.",
                "entities", true));
        assertEquals(before + 2, ANALYSES.get());
        Map<String, Object> outputs = entitiesOnly.outputs();
        assertTrue(outputs.get("entities").toString().contains("MONEY"), outputs.toString());
        assertFalse(outputs.containsKey("sentiment"), "sentiment was not asked: " + outputs);
    }

    @Test
    void theReloadedModelAnswersTheSame(@TempDir Path dir) throws Exception {
        Path copy = Files.createDirectories(dir.resolve("copy"));
        try (var files = Files.list(modelDir)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        assertTrue(Files.exists(copy.resolve(AssistantFiles.SENTIMENT)));
        Map<String, Object> request = Map.of("text", "My parcel is late. I am so angry.", "sentiment", true);
        try (Scorer reloaded = KIND.load(copy)) {
            assertEquals(sentiment(score(scorer, request)), sentiment(score(reloaded, request)));
        }
    }

    @Test
    void starsAreSentimentsAndABadValueNamesItsColumnAndRow() throws Exception {
        Dataset demo = DemoData.generate(12, 8);
        String[] stars = new String[demo.rowCount()];
        for (int i = 0; i < stars.length; i++) {
            stars[i] = i % 3 == 0 ? "" : i % 3 == 1 ? "1" : "5";
        }
        Dataset rated = Dataset.builder().strings("text", demo.strings("text"))
                .strings("intent", demo.strings("intent")).strings("stars", stars).build();
        try (TrainedModel model = train(rated, "stars")) {
            double labelled = demo.rowCount() - (demo.rowCount() + 2) / 3;
            assertEquals(labelled, model.provenance().metrics().get("sentimentRows"));
        }

        stars[4] = "angry";
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> train(
                Dataset.builder().strings("text", demo.strings("text")).strings("intent", demo.strings("intent"))
                        .strings("stars", stars).build(), "stars"));
        assertTrue(bad.getMessage().contains("column 'stars' row 5: 'angry'"), bad.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> train(demo, "mood"));
        assertTrue(missing.getMessage().contains("mood"), missing.getMessage());
    }
}
