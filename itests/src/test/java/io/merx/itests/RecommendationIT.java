package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.merx.api.Dataset;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RecommendationIT extends ModuleITSupport {

    private static final String USER = "C000017";

    @Override
    protected String kind() {
        return "recommendation.als";
    }

    @Override
    protected String requestJson() {
        return "{\"user\": \"" + USER + "\", \"k\": 3}";
    }

    /**
     * Three recommendations for a known customer: catalogue items of the demo shop the customer has not bought
     * yet (unseen items are the default), from the personal ALS factors, best first.
     */
    @Override
    protected void assertAnswer(Map<String, Object> outputs, Dataset demo) {
        assertEquals(outputs.toString(), "als", outputs.get("source"));
        List<Object> items = list(outputs, "items");
        assertEquals(outputs.toString(), 3, items.size());
        Set<String> catalogue = distinct(demo, "item");
        Set<String> bought = new HashSet<>();
        for (int r = 0; r < demo.rowCount(); r++) {
            if (demo.strings("user")[r].equals(USER)) {
                bought.add(demo.strings("item")[r]);
            }
        }
        assertFalse("the demo customer has a history", bought.isEmpty());
        double previous = Double.POSITIVE_INFINITY;
        for (Object entry : items) {
            Map<String, Object> item = object(entry);
            String id = (String) item.get("item");
            assertTrue(id + " is an item of the demo shop", catalogue.contains(id));
            assertFalse(id + " was already bought by " + USER, bought.contains(id));
            double score = finite(item.get("score"), "score of " + id);
            assertTrue("best first: " + items, score <= previous);
            previous = score;
        }
    }

    @Override
    protected Map<String, String> secondVersionParameters() {
        return Map.of("rank", "8");
    }

    @Test
    @Override
    public void installTrainScoreSwap() throws Exception {
        super.installTrainScoreSwap();
    }
}
