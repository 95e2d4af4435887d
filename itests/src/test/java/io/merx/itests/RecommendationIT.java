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
        Set<String> bought = RecommendationAnswers.boughtBy(demo, USER);
        assertFalse("the demo customer has a history", bought.isEmpty());
        RecommendationAnswers.assertUnseenBestFirst(items, catalogue, bought, USER);
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
