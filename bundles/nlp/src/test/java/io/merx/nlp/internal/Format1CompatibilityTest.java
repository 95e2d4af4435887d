package io.merx.nlp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;

/**
 * A model written by the DL4J perceptron version of this kind (format 1, commit fea73c6, demo data of 15 messages
 * per intent, hashBits 10, hidden 8, 30 epochs, seed 3) still loads and gives the probabilities that version
 * printed when it saved the model.
 */
class Format1CompatibilityTest {

    @Test
    void format1ModelScoresAsItDidWhenItWasWritten() throws Exception {
        Map<String, Object[]> printed = Map.of(
                "Where is my order #123456?", new Object[] {"order_status", 0.8212209423980374},
                "I want to cancel my order", new Object[] {"cancel_order", 0.9169181577989313},
                "Can I speak to a person?", new Object[] {"speak_to_agent", 0.8198900590936339});
        NlpKind kind = new NlpKind(SharedAnalyzer.get(), null);
        try (Scorer scorer = kind.load(directory())) {
            for (Map.Entry<String, Object[]> e : printed.entrySet()) {
                ScoreResult r = scorer.score(ScoreRequest.of(Map.of("text", e.getKey())));
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> top = (List<Map<String, Object>>) r.outputs().get("topIntents");
                assertEquals(e.getValue()[0], top.get(0).get("intent"), e.getKey());
                assertEquals((double) e.getValue()[1], ((Number) top.get(0).get("confidence")).doubleValue(), 1e-6,
                        e.getKey());
            }
        }
    }

    private static Path directory() throws URISyntaxException {
        return Path.of(Format1CompatibilityTest.class.getResource("format1-model/assistant.properties").toURI())
                .getParent();
    }
}
