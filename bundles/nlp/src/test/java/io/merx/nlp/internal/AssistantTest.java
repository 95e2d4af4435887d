package io.merx.nlp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ModelLoadException;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;

class AssistantTest {

    private static final NlpKind KIND = new NlpKind(SharedAnalyzer.get(), null);
    private static final Map<String, Object> SMALL = Map.of("hashBits", 14, "epochs", 10);

    @TempDir
    static Path modelDir;
    private static Map<String, Double> metrics;
    private static Scorer scorer;

    @BeforeAll
    static void trainDemoModel() throws Exception {
        try (TrainedModel model = train(KIND.demoData().orElseThrow(), SMALL)) {
            metrics = model.provenance().metrics();
            model.save(modelDir);
        }
        scorer = KIND.load(modelDir);
    }

    private static TrainedModel train(Dataset data, Map<String, ?> hp) throws Exception {
        return KIND.newTrainer(HyperParameters.of(KIND.parameters(), hp)).train(data, TrainingContext.silent());
    }

    private static ScoreResult score(String text, String... history) throws Exception {
        return scorer.score(ScoreRequest.of(Map.of("text", text, "history", List.of(history))));
    }

    private static ScoreResult scoreWithSentiment(String text) throws Exception {
        return scorer.score(ScoreRequest.of(Map.of("text", text, "sentiment", true)));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(ScoreResult r, String field) {
        return (List<Map<String, Object>>) r.outputs().get(field);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(ScoreResult r, String field) {
        return (Map<String, Object>) r.outputs().get(field);
    }

    @Test
    void heldOutMetricsAreGoodAndCalibrated() {
        assertTrue(metrics.get("accuracy") > 0.9, metrics.toString());
        assertTrue(metrics.get("macroF1") > 0.9, metrics.toString());
        assertTrue(metrics.get("ece") < 0.15, metrics.toString());
        assertTrue(metrics.get("temperature") > 0, metrics.toString());
        assertTrue(metrics.get("inScopeRate") > 0.85, "about 95 % of held-out messages stay in scope: " + metrics);
        assertEquals(14.0, metrics.get("answeredIntents"));
    }

    @Test
    void orderQuestionGetsIntentEntitiesAndFilledAnswer() throws Exception {
        ScoreResult r = scoreWithSentiment(
                "Hi, where is my order #482913? I ordered it on March 3, 2026 and paid $59.90.");
        assertEquals("order_status", r.text("intent"), r.outputs().toString());
        assertTrue(r.number("confidence") >= 0.5);
        assertEquals(3, list(r, "topIntents").size());
        List<Map<String, Object>> entities = list(r, "entities");
        assertTrue(entities.stream().anyMatch(e -> e.get("type").equals("ORDER_ID") && e.get("value").equals("482913")),
                entities.toString());
        assertTrue(entities.stream().anyMatch(e -> e.get("type").equals("DATE") && e.get("value").equals("2026-03-03")),
                entities.toString());
        assertTrue(entities.stream().anyMatch(e -> e.get("type").equals("MONEY")), entities.toString());
        assertTrue(((String) map(r, "answer").get("text")).contains("482913"), r.outputs().toString());
        assertEquals("bot", r.text("routing"), r.outputs().toString());
        assertFalse(r.outputs().containsKey("suggestions"), "FAQ matching needs the encoder: " + r.outputs());
    }

    @Test
    void angryComplaintIsUrgentAndAskingForAPersonGoesToAHuman() throws Exception {
        ScoreResult angry = score("This is the worst service I have ever had. Order #556677 was a disaster, "
                + "terrible and useless support, I am furious.");
        assertEquals("complaint", angry.text("intent"), angry.outputs().toString());
        assertEquals("urgent", angry.text("routing"), angry.outputs().toString());
        assertFalse(list(angry, "reasons").isEmpty());

        ScoreResult person = score("Can I speak to a real person please?");
        assertEquals("speak_to_agent", person.text("intent"), person.outputs().toString());
        assertEquals("human", person.text("routing"));
    }

    @Test
    void orderNumberFromHistoryFillsTheAnswer() throws Exception {
        ScoreResult r = score("I want to cancel it please.", "Hello, I placed order ORD-7654321 yesterday.");
        assertEquals("cancel_order", r.text("intent"), r.outputs().toString());
        assertTrue(((String) map(r, "answer").get("text")).contains("7654321"), r.outputs().toString());
    }

    @Test
    void junkAndHugeInputGiveAnHonestAnswerNotACrash() throws Exception {
        ScoreResult symbols = score("%%%% ^^^ $$$ #### !!");
        assertEquals(AssistantScorer.OUT_OF_SCOPE, symbols.text("intent"));
        assertEquals(0.0, symbols.number("confidence"));
        assertEquals("human", symbols.text("routing"));

        ScoreResult binary = score("\u0000\u0001\u0002\u0003\u0004\u0005ab\u0006\u0007");
        assertEquals(AssistantScorer.OUT_OF_SCOPE, binary.text("intent"));

        ScoreResult foreign = score("\u6211\u7684\u8ba2\u5355\u5728\u54ea\u91cc\uff1f\u8bf7\u5e2e\u5e2e\u6211");
        assertEquals(AssistantScorer.OUT_OF_SCOPE, foreign.text("intent"));

        long start = System.nanoTime();
        ScoreResult huge = score("my parcel is late and nobody answers my emails. ".repeat(500));
        assertTrue((System.nanoTime() - start) / 1_000_000_000.0 < 30);
        assertTrue(((List<?>) huge.outputs().get("warnings")).toString().contains("cut to its first 5000"),
                huge.outputs().toString());

        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> score("  "));
        assertTrue(empty.getMessage().contains("'text'"), empty.getMessage());
    }

    @Test
    void sentimentRunsOnlyWhenAskedOrWhenRoutingNeedsIt() throws Exception {
        ScoreResult plain = score("Where is my order #482913?");
        assertFalse(plain.outputs().containsKey("sentiment"), plain.outputs().toString());
        assertEquals("order_status", plain.text("intent"));

        ScoreResult asked = scoreWithSentiment("Where is my order #482913?");
        assertTrue(map(asked, "sentiment").containsKey("distribution"), asked.outputs().toString());

        // complaint is an urgent intent: routing needs the sentiment, so it runs unasked
        ScoreResult complaint = score("This is the worst service ever, I am furious about order #556677.");
        assertEquals("complaint", complaint.text("intent"), complaint.outputs().toString());
        assertTrue(map(complaint, "sentiment").containsKey("distribution"), complaint.outputs().toString());
    }

    @Test
    void knowledgeBaseFromFileOrColumnAndBadSettingsNameTheParameter(@TempDir Path dir) throws Exception {
        Path kb = dir.resolve("kb.tsv");
        Files.writeString(kb, "# faq\norder_status\tParcel {orderId} left our warehouse.\n");
        Dataset data = DemoData.generate(30, 11);
        try (TrainedModel model = train(data, Map.of("hashBits", 12, "epochs", 8,
                "knowledgeBase", kb.toString(), "outOfScopeThreshold", 0.0))) {
            Path saved = Files.createDirectories(dir.resolve("m"));
            model.save(saved);
            try (Scorer s = KIND.load(saved)) {
                ScoreResult r = s.score(ScoreRequest.of(Map.of("text", "Where is my order #123456?")));
                assertEquals("Parcel 123456 left our warehouse.", map(r, "answer").get("text"));
            }
            assertEquals(1.0, model.provenance().metrics().get("answeredIntents"));
        }
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> train(data, Map.of("knowledgeBase", dir.resolve("nope.tsv").toString())));
        assertTrue(missing.getMessage().contains("'knowledgeBase'"), missing.getMessage());
        IllegalArgumentException regex = assertThrows(IllegalArgumentException.class,
                () -> train(data, Map.of("orderIdPattern", "(unclosed")));
        assertTrue(regex.getMessage().contains("'orderIdPattern'"), regex.getMessage());
        IllegalArgumentException column = assertThrows(IllegalArgumentException.class,
                () -> train(data, Map.of("intentColumn", "label")));
        assertTrue(column.getMessage().contains("'label'"), column.getMessage());
    }

    @Test
    void corruptFilesGiveALoadError(@TempDir Path dir) throws Exception {
        for (String file : List.of(AssistantFiles.META, AssistantFiles.NETWORK, AssistantFiles.KNOWLEDGE_BASE)) {
            Files.copy(modelDir.resolve(file), dir.resolve(file));
        }
        Files.write(dir.resolve(AssistantFiles.NETWORK), new byte[] {1, 2, 3});
        assertThrows(ModelLoadException.class, () -> KIND.load(dir));
        Files.delete(dir.resolve(AssistantFiles.META));
        ModelLoadException missing = assertThrows(ModelLoadException.class, () -> KIND.load(dir));
        assertTrue(missing.getMessage().contains(AssistantFiles.META), missing.getMessage());
    }

    @Test
    void temperatureScalingFixesOverconfidence() {
        // Logits that are right 70% of the time but claim ~99%: the fitted temperature must soften them.
        java.util.Random random = new java.util.Random(3);
        double[][] logits = new double[1000][];
        int[] truth = new int[1000];
        for (int i = 0; i < logits.length; i++) {
            truth[i] = random.nextInt(4);
            int predicted = random.nextDouble() < 0.7 ? truth[i] : (truth[i] + 1) % 4;
            logits[i] = new double[4];
            logits[i][predicted] = 8;
        }
        double t = Calibration.temperature(logits, truth);
        assertTrue(t > 2, "temperature " + t);
        assertTrue(Calibration.expectedCalibrationError(logits, truth, t) < 0.05);
        assertTrue(Calibration.expectedCalibrationError(logits, truth, 1.0) > 0.25);
    }
}
