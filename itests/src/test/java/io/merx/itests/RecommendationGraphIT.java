package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import io.merx.api.Dataset;
import io.merx.api.runtime.ModelRuntime;

/**
 * LightGCN ({@code recommendation.graph}) in the distribution: its demo model stopped early on its own validation
 * users and beats popularity on the held-out split, answers a known customer from the graph embeddings in the ALS
 * request format, and a second version (other layers and size) is trained, swapped in and answers the same way.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RecommendationGraphIT extends ModuleITSupport {

    private static final String USER = "C000017";

    @Override
    protected String kind() {
        return "recommendation.graph";
    }

    @Override
    protected String requestJson() {
        return "{\"user\": \"" + USER + "\", \"k\": 3}";
    }

    /** Three unseen catalogue items for a known customer, best first, from the graph embeddings. */
    @Override
    protected void assertAnswer(Map<String, Object> outputs, Dataset demo) {
        assertEquals(outputs.toString(), "graph", outputs.get("source"));
        List<Object> items = list(outputs, "items");
        assertEquals(outputs.toString(), 3, items.size());
        Set<String> catalogue = distinct(demo, "item");
        Set<String> bought = RecommendationAnswers.boughtBy(demo, USER);
        RecommendationAnswers.assertUnseenBestFirst(items, catalogue, bought, USER);
    }

    @Override
    protected Map<String, String> secondVersionParameters() {
        return Map.of("layers", "2", "dimension", "32", "epochs", "10");
    }

    @Test
    @Override
    public void installTrainScoreSwap() throws Exception {
        super.installTrainScoreSwap();
    }

    /** The provenance says which epoch was kept and how it did; the held-out figure is well above popularity. */
    @Test
    public void theDemoModelStoppedEarlyAndBeatsPopularity() throws Exception {
        ModelRuntime runtime = awaitService(ModelRuntime.class, null);
        LiveModels.await(runtime, demoModel());
        Map<String, Double> metrics = runtime.info(demoModel(), ModelRuntime.LIVE).metrics();
        assertTrue(metrics.toString(),
                metrics.get("bestEpoch") >= 1 && metrics.get("bestEpoch") <= metrics.get("epochs"));
        assertTrue(metrics.toString(), metrics.get("validation ndcg@10") > 0);
        assertTrue(metrics.toString(), metrics.get("ndcg@10") > 2 * metrics.get("popularity.ndcg@10"));
    }
}
