package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.merx.api.Dataset;
import io.merx.api.runtime.ModelRuntime;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The automatic choice ({@code recommendation.auto}) in the distribution: its demo model tried every family on a
 * validation split, says in its provenance what each scored and what it kept, and answers with the family it
 * kept; then the common journey (shell, API, second version swapped in).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RecommendationAutoIT extends ModuleITSupport {

    private static final String USER = "C000017";

    @Override
    protected String kind() {
        return "recommendation.auto";
    }

    @Override
    protected String requestJson() {
        return "{\"user\": \"" + USER + "\", \"k\": 3}";
    }

    /** Three unseen catalogue items for a known customer, best first, from a personal model (not popularity). */
    @Override
    protected void assertAnswer(Map<String, Object> outputs, Dataset demo) {
        assertTrue(outputs.toString(), List.of("als", "itemknn", "ease", "graph", "sequential")
                .contains(outputs.get("source")));
        List<Object> items = list(outputs, "items");
        assertEquals(outputs.toString(), 3, items.size());
        Set<String> catalogue = distinct(demo, "item");
        Set<String> bought = RecommendationAnswers.boughtBy(demo, USER);
        RecommendationAnswers.assertUnseenBestFirst(items, catalogue, bought, USER);
    }

    /** A smaller search for the second version: one ALS setting, no deep candidates. */
    @Override
    protected Map<String, String> secondVersionParameters() {
        return Map.of("alsTrials", "1", "deepCandidates", "false");
    }

    @Test
    @Override
    public void installTrainScoreSwap() throws Exception {
        super.installTrainScoreSwap();
    }

    /**
     * The demo model's provenance lists every candidate's validation nDCG@10 (popularity, three item-kNN, three
     * EASE, ALS settings, LightGCN and SASRec while the budget lasts) and the one kept, which is the best of them and far above popularity; the answer's
     * source is the family kept.
     */
    @Test
    public void theDemoModelSaysWhatItChoseAndWhy() throws Exception {
        ModelRuntime runtime = awaitService(ModelRuntime.class, null);
        LiveModels.await(runtime, demoModel());
        Map<String, Double> metrics = runtime.info(demoModel(), ModelRuntime.LIVE).metrics();
        double best = Double.NEGATIVE_INFINITY;
        int candidates = 0;
        Double popularity = null;
        for (Map.Entry<String, Double> e : metrics.entrySet()) {
            if (e.getKey().startsWith("validation ndcg@10: ") && !e.getKey().contains("popularity below")) {
                best = Math.max(best, e.getValue());
                candidates++;
                if (e.getKey().equals("validation ndcg@10: popularity")) {
                    popularity = e.getValue();
                }
            }
        }
        assertTrue(metrics.toString(), candidates >= 8);
        assertEquals(metrics.toString(), candidates, metrics.get("search.candidates"), 1e-9);
        String chosen = metrics.keySet().stream().filter(k -> k.startsWith("chosen: ")).findFirst().orElseThrow();
        assertTrue(chosen + " is the best of " + metrics, metrics.get(chosen) >= best - 1e-12);
        assertTrue(metrics.toString(), metrics.get(chosen) > 2 * popularity);
        String family = chosen.substring("chosen: ".length()).split(" ")[0];
        // LightGCN candidates are named after the method, their answers' source after the kind.
        family = "lightgcn".equals(family) ? "graph" : family;
        Map<String, Object> outputs = shellOutputs(execute("model:score " + demoModel() + " '" + requestJson() + "'"));
        assertEquals(outputs.toString(), family, outputs.get("source"));
    }
}
