package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

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
        Set<String> bought = RecommendationAnswers.boughtBy(demo, USER);
        assertFalse("the demo customer has a history", bought.isEmpty());
        RecommendationAnswers.assertUnseenBestFirst(items, catalogue, bought, USER);
        for (Object entry : items) {
            assertFalse("the recent item itself is not recommended", RECENT.equals(object(entry).get("item")));
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
