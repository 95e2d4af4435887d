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

/**
 * The sequential kind ({@code recommendation.sequential}) in the distribution: its demo model (a shop with an
 * order signal) answers a known customer who just viewed an item by re-encoding their latest items with that one
 * appended; then the common journey (shell, API, a second, smaller network swapped in).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RecommendationSequentialIT extends ModuleITSupport {

    private static final String USER = "C000017";
    private static final String RECENT = "P000042";

    @Override
    protected String kind() {
        return "recommendation.sequential";
    }

    @Override
    protected String requestJson() {
        return "{\"user\": \"" + USER + "\", \"recentItems\": [\"" + RECENT + "\"], \"k\": 3}";
    }

    /** Three unseen catalogue items, best first, from the re-encoded sequence (not popularity). */
    @Override
    protected void assertAnswer(Map<String, Object> outputs, Dataset demo) {
        assertEquals(outputs.toString(), "foldin", outputs.get("source"));
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
            assertFalse("the recent item itself is not recommended", RECENT.equals(id));
            double score = finite(item.get("score"), "score of " + id);
            assertTrue("best first: " + items, score <= previous);
            previous = score;
        }
    }

    /** A small network for the second version, so that it trains in seconds. */
    @Override
    protected Map<String, String> secondVersionParameters() {
        return Map.of("dim", "16", "blocks", "1", "epochs", "3");
    }

    @Test
    @Override
    public void installTrainScoreSwap() throws Exception {
        super.installTrainScoreSwap();
    }
}
