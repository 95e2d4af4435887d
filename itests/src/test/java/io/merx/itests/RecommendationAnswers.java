package io.merx.itests;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.merx.api.Dataset;

/** What every recommendation kind's answer for a known demo customer must be, whatever ranks the items. */
final class RecommendationAnswers {

    private RecommendationAnswers() {
    }

    /** The items the user has in the demo data. */
    static Set<String> boughtBy(Dataset demo, String user) {
        Set<String> bought = new HashSet<>();
        for (int r = 0; r < demo.rowCount(); r++) {
            if (demo.strings("user")[r].equals(user)) {
                bought.add(demo.strings("item")[r]);
            }
        }
        return bought;
    }

    /** Each item is in the catalogue and not bought by the user, with finite scores, best first. */
    static void assertUnseenBestFirst(List<Object> items, Set<String> catalogue, Set<String> bought, String user) {
        double previous = Double.POSITIVE_INFINITY;
        for (Object entry : items) {
            Map<String, Object> item = ModuleITSupport.object(entry);
            String id = (String) item.get("item");
            assertTrue(id + " is an item of the demo shop", catalogue.contains(id));
            assertFalse(id + " was already bought by " + user, bought.contains(id));
            double score = ModuleITSupport.finite(item.get("score"), "score of " + id);
            assertTrue("best first: " + items, score <= previous);
            previous = score;
        }
    }
}
