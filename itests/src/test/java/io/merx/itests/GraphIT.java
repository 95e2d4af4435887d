package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.merx.api.Dataset;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** A real Neo4j started by the module as a child JVM of Karaf, then co-purchase trained from it and served. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class GraphIT extends ModuleITSupport {

    @Override
    protected String kind() {
        return "graph.copurchase";
    }

    @Override
    protected String requestJson() {
        return "{\"product\": \"P001\", \"limit\": 2}";
    }

    /**
     * Two products bought together with P001 in the demo shop: known products other than P001, each explained by
     * P001, best first, and one of them P016, the complementary partner the demo shop adds to 60 % of baskets.
     */
    @Override
    protected void assertAnswer(Map<String, Object> outputs, Dataset demo) {
        assertEquals(outputs.toString(), Boolean.FALSE, outputs.get("fallback"));
        List<Object> items = list(outputs, "items");
        assertEquals(outputs.toString(), 2, items.size());
        Set<String> products = distinct(demo, "product_id");
        List<String> named = new ArrayList<>();
        double previous = Double.POSITIVE_INFINITY;
        for (Object entry : items) {
            Map<String, Object> item = object(entry);
            String product = (String) item.get("product");
            assertTrue(product + " is a product of the demo shop", products.contains(product));
            assertEquals(item.toString(), "P001", item.get("with"));
            double score = finite(item.get("score"), "score of " + product);
            assertTrue("best first: " + items, score <= previous);
            previous = score;
            named.add(product);
        }
        assertFalse("the asked product is not its own partner: " + named, named.contains("P001"));
        assertTrue("P001's complementary partner P016 is among " + named, named.contains("P016"));
    }

    @Test
    @Override
    public void installTrainScoreSwap() throws Exception {
        super.installTrainScoreSwap();
    }
}
