package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.merx.api.Dataset;
import io.merx.api.runtime.JobState;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.TrainingJob;
import io.merx.api.runtime.TrainingRequest;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Product search in the distribution: the demo model (BM25 alone, as merx ships without the encoder) answers over
 * the shell, the API and REST; with merx-encoder installed, a model trained with embeddings finds running shoes by
 * "sneakers", a word no product text has.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SearchIT extends ModuleITSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final RestClient rest = new RestClient(TIMEOUT_MS);

    @Override
    protected String kind() {
        return "search.semantic";
    }

    @Override
    protected String bootFeatures() {
        return "merx-rest, merx-search";
    }

    @Override
    protected String requestJson() {
        return "{\"query\": \"running shoes\", \"k\": 3}";
    }

    /**
     * Three available running shoes of the demo catalogue, best first, found by BM25 (the demo model, and the second
     * version unless the other test installed the encoder first: then it is hybrid and BM25 still found them).
     */
    @Override
    protected void assertAnswer(Map<String, Object> outputs, Dataset demo) {
        assertTrue(outputs.toString(), Set.of("bm25", "hybrid").contains(outputs.get("mode")));
        Set<String> available = new HashSet<>();
        for (int i = 0; i < demo.rowCount(); i++) {
            if ("true".equals(demo.strings("available")[i]) && demo.strings("title")[i].endsWith("Running Shoes")) {
                available.add(demo.strings("id")[i]);
            }
        }
        assertEquals(outputs.toString(), 3, list(outputs, "products").size());
        double previous = Double.POSITIVE_INFINITY;
        for (Object entry : list(outputs, "products")) {
            Map<String, Object> product = object(entry);
            assertTrue(product + " is an available running shoe", available.contains((String) product.get("id")));
            assertTrue(product.toString(), ((String) product.get("title")).endsWith("Running Shoes"));
            assertTrue("BM25 found it: " + product, product.containsKey("bm25Rank"));
            double score = finite(product.get("score"), "score");
            assertTrue("best first: " + outputs, score > 0 && score <= previous);
            previous = score;
        }
    }

    @Test
    @Override
    public void installTrainScoreSwap() throws Exception {
        super.installTrainScoreSwap();
    }

    @Test
    public void restAnswersAndTheEncoderFindsProductsBySynonyms() throws Exception {
        ModelRuntime runtime = awaitService(ModelRuntime.class, null);
        LiveModels.await(runtime, demoModel());
        JsonNode demo = score(demoModel(), "{\"inputs\": {\"query\": \"cast iron skillet\", \"k\": 2}}");
        assertEquals(demo.toString(), "bm25", demo.get("mode").asText());
        assertEquals(demo.toString(), 2, demo.get("products").size());
        for (JsonNode product : demo.get("products")) {
            assertTrue(demo.toString(), product.get("title").asText().endsWith("Skillet"));
        }
        HttpResponse<String> blank = rest.send("POST", "/api/v1/models/" + demoModel() + "/score", rest.admin(),
                "{\"inputs\": {\"query\": \"  \"}}");
        assertEquals(blank.body(), 400, blank.statusCode());
        assertTrue(blank.body(), blank.body().contains("query"));

        installEncoderAndAwaitKind(runtime);

        Path demoData = Path.of(System.getProperty("karaf.data"), "merx", "models", ".demo", demoModel() + ".csv");
        TrainingJob job = runtime.train(TrainingRequest.builder("search-embeddings", kind(), demoData)
                .parameters(Map.of("embeddings", "required")).activate(true).build());
        assertTrue("trained in time", job.await(Duration.ofMillis(3 * TIMEOUT_MS)));
        assertEquals(job.message(), JobState.SUCCEEDED, job.state());

        JsonNode sneakers = score("search-embeddings", "{\"inputs\": {\"query\": \"sneakers\", \"k\": 3}}");
        assertEquals(sneakers.toString(), "hybrid", sneakers.get("mode").asText());
        assertFalse(sneakers.toString(), sneakers.get("products").isEmpty());
        for (JsonNode product : sneakers.get("products")) {
            assertTrue(sneakers.toString(), product.get("title").asText().endsWith("Running Shoes"));
            assertFalse("no product text has the word: " + product, product.has("bm25Rank"));
        }
    }

    private JsonNode score(String model, String body) throws Exception {
        HttpResponse<String> response = rest.send("POST", "/api/v1/models/" + model + "/score", rest.admin(), body);
        assertEquals(response.body(), 200, response.statusCode());
        return JSON.readTree(response.body()).get("outputs");
    }
}
