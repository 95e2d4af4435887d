package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.merx.api.Dataset;
import io.merx.api.runtime.JobState;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.ScoreRequest;
import io.merx.api.runtime.ScoreResponse;
import io.merx.api.runtime.TrainingJob;
import io.merx.api.runtime.TrainingRequest;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** CoreNLP and a DL4J intent model inside Karaf: the demo model answers a customer message. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NlpIT extends ModuleITSupport {

    @Override
    protected String kind() {
        return "nlp.customer-service";
    }

    @Override
    protected String requestJson() {
        return "{\"text\": \"Hi, where is my order #482913? I ordered it on March 3, 2026 and paid $59.90.\"}";
    }

    /**
     * "Where is my order #482913?" is the demo data's order_status intent: the answer names that intent from the
     * kind's label set with a probability-like confidence, ranks the alternatives best first, and finds the order id.
     */
    @Override
    protected void assertAnswer(Map<String, Object> outputs, Dataset demo) {
        Set<String> labels = distinct(demo, "intent");
        assertEquals(outputs.toString(), "order_status", outputs.get("intent"));
        assertTrue(labels.contains("order_status"));
        assertEquals(outputs.toString(), Boolean.TRUE, outputs.get("inScope"));
        double confidence = finite(outputs.get("confidence"), "confidence");
        assertTrue(outputs.toString(), confidence > 0 && confidence <= 1);
        double previous = Double.POSITIVE_INFINITY;
        for (Object entry : list(outputs, "topIntents")) {
            Map<String, Object> top = object(entry);
            assertTrue(top + " is one of the kind's intents", labels.contains((String) top.get("intent")));
            double p = finite(top.get("confidence"), "confidence of " + top.get("intent"));
            assertTrue("best first: " + outputs.get("topIntents"), p <= previous);
            previous = p;
        }
        assertTrue("the order id is found: " + outputs.get("entities"), list(outputs, "entities").stream()
                .map(ModuleITSupport::object).anyMatch(e -> "482913".equals(e.get("value"))));
    }

    @Override
    protected Map<String, String> secondVersionParameters() {
        return Map.of("epochs", "6");
    }

    @Test
    @Override
    public void installTrainScoreSwap() throws Exception {
        super.installTrainScoreSwap();
    }

    /**
     * merx-encoder installed into a running merx-nlp: the kind restarts with the encoder, trains on embeddings
     * (required, so it fails if they are missing), calls a question about something no intent covers out of
     * scope by the combined measure while a shop question stays in scope, and suggests the demo FAQ answer to a
     * question that shares no word with its FAQ question.
     */
    @Test
    public void installingTheEncoderAddsEmbeddingsCombinedScopeAndFaqSuggestions() throws Exception {
        ModelRuntime runtime = awaitService(ModelRuntime.class, null);
        LiveModels.await(runtime, demoModel());
        installEncoderAndAwaitKind(runtime);

        Path demoData = Path.of(System.getProperty("karaf.data"), "merx", "models", ".demo", demoModel() + ".csv");
        TrainingJob job = runtime.train(TrainingRequest.builder("nlp-embeddings", kind(), demoData)
                .parameters(Map.of("embeddings", "required", "hashBits", "12")).activate(true).build());
        assertTrue("trained in time", job.await(Duration.ofMillis(3 * TIMEOUT_MS)));
        assertEquals(job.message(), JobState.SUCCEEDED, job.state());

        ScoreResponse order = runtime.score("nlp-embeddings", ScoreRequest.of(Map.of("text", "Where is my order #482913?")));
        assertEquals(order.result().outputs().toString(), "order_status", order.result().text("intent"));
        ScoreResponse offTopic = runtime.score("nlp-embeddings",
                ScoreRequest.of(Map.of("text", "How many moons does Jupiter have?")));
        assertEquals(offTopic.result().outputs().toString(), "out_of_scope", offTopic.result().text("intent"));
        assertTrue(offTopic.result().outputs().toString(),
                offTopic.result().outputs().get("scope").toString().contains("measure=combined"));
        assertEquals(offTopic.result().outputs().toString(), List.of(), offTopic.result().outputs().get("suggestions"));

        ScoreResponse abroad = runtime.score("nlp-embeddings",
                ScoreRequest.of(Map.of("text", "Can parcels be sent abroad?")));
        assertTrue(abroad.result().outputs().toString(), abroad.result().outputs().get("suggestions").toString()
                .contains("answer=We deliver to 30 countries"));
    }
}
