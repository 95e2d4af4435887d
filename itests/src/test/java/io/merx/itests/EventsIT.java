package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.merx.api.events.EventService;
import io.merx.api.runtime.ModelRuntime;

/**
 * Events over HTTP in the real distribution: a score answer's request id, events naming it, the version's online
 * metrics in REST, /metrics and model:info, and the same figures after the events bundle restarts and rebuilds
 * them from its log; and events changing recommendation answers without a retrain (freshness).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EventsIT extends MerxTestSupport {

    @Override
    protected String bootFeatures() {
        return "merx-rest, merx-events, merx-example-linear, merx-recommendation";
    }

    private static final String DEMO = "example-linear-demo";
    private static final String RECOMMENDATIONS = "recommendation-als-demo";
    /** A customer of the recommendation demo shop with a purchase history. */
    private static final String CUSTOMER = "C000017";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RestClient rest = new RestClient(TIMEOUT_MS);

    @Test
    public void eventsNamingAnAnswerShowInItsVersionsMetricsAndSurviveARestartOfTheBundle() throws Exception {
        LiveModels.await(awaitService(ModelRuntime.class, null), DEMO);
        awaitService(EventService.class, null);
        String admin = rest.admin();
        String requestId = null;
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> scored = rest.send("POST", "/api/v1/models/" + DEMO + "/score", admin,
                    "{\"inputs\": {\"sqm\": 100, \"rooms\": 3, \"age\": 10}, \"key\": \"user-1\"}");
            assertEquals(scored.body(), 200, scored.statusCode());
            requestId = JSON.readTree(scored.body()).get("requestId").asText();
            assertEquals(requestId, scored.headers().firstValue("X-Merx-Request-Id").orElse(null));
        }
        String events = "{\"events\": ["
                + "{\"id\": \"it-1\", \"type\": \"click\", \"user\": \"user-1\", \"item\": \"house-9\","
                + " \"timestamp\": \"2026-03-01T12:00:00Z\", \"requestId\": \"" + requestId + "\"},"
                + "{\"id\": \"it-2\", \"type\": \"purchase\", \"user\": \"user-1\", \"item\": \"house-9\", \"value\": 250,"
                + " \"timestamp\": \"2026-03-01T12:05:00Z\", \"requestId\": \"" + requestId + "\"}]}";
        HttpResponse<String> posted = rest.send("POST", "/api/v1/events", admin, events);
        assertEquals(posted.body(), 200, posted.statusCode());
        assertEquals(posted.body(), 2, JSON.readTree(posted.body()).get("attributed").asInt());

        HttpResponse<String> bad = rest.send("POST", "/api/v1/events", admin,
                "[{\"id\": \"it-3\", \"type\": \"buy\", \"user\": \"u\", \"item\": \"i\", \"timestamp\": \"2026-03-01T12:00:00Z\"}]");
        assertEquals(bad.body(), 400, bad.statusCode());
        assertEquals("events[0].type", JSON.readTree(bad.body()).get("field").asText());

        assertFigures(admin);
        String prometheus = rest.send("GET", "/metrics", admin, null).body();
        assertTrue(prometheus, prometheus.contains(
                "merx_online_conversions_total{model=\"" + DEMO + "\",route=\"live\",version=\"1\"} 1.0"));
        String info = execute("model:info " + DEMO);
        assertTrue(info, info.contains("Online       live: 4 impressions, 1 clicks, 0 add to cart, 1 purchases,"
                + " revenue 250.00"));

        // the figures come back from the log alone, and the events are still deduplicated
        Bundle bundle = bundle("io.merx.events");
        bundle.stop();
        bundle.start();
        awaitService(EventService.class, null);
        assertFigures(admin);
        HttpResponse<String> again = rest.send("POST", "/api/v1/events", admin, events);
        assertEquals(again.body(), 200, again.statusCode());
        assertEquals(again.body(), 2, JSON.readTree(again.body()).get("duplicates").asInt());
    }

    /**
     * Freshness over REST: the customer buys their top recommendation and it leaves their list; a newcomer's views
     * turn a popularity answer into a folded-in one; a request with {@code "fresh": false} still sees the trained
     * model alone; after a restart of the recommendation bundle the answers are the same. No retrain happens.
     */
    @Test
    public void postedEventsChangeRecommendationAnswersWithoutARetrain() throws Exception {
        LiveModels.await(awaitService(ModelRuntime.class, null), RECOMMENDATIONS);
        awaitService(EventService.class, null);
        String admin = rest.admin();
        JsonNode before = recommend(admin, "{\"user\": \"" + CUSTOMER + "\", \"k\": 5}");
        assertEquals(before.toString(), "als", before.get("source").asText());
        assertEquals(before.toString(), 0, before.get("fresh").asInt());
        String top = before.get("items").get(0).get("item").asText();

        post(admin, "{\"id\": \"fresh-1\", \"type\": \"purchase\", \"user\": \"" + CUSTOMER + "\", \"item\": \""
                + top + "\", \"value\": 20, \"timestamp\": \"" + java.time.Instant.now() + "\"}");
        JsonNode after = awaitAnswer(admin, "{\"user\": \"" + CUSTOMER + "\", \"k\": 5}",
                answer -> !items(answer).contains(top));
        assertEquals(after.toString(), "foldin", after.get("source").asText());
        assertEquals(after.toString(), 1, after.get("fresh").asInt());
        assertEquals(5, after.get("items").size());
        JsonNode trainedOnly = recommend(admin, "{\"user\": \"" + CUSTOMER + "\", \"k\": 5, \"fresh\": false}");
        assertEquals(trainedOnly.toString(), items(before), items(trainedOnly));

        JsonNode newcomer = recommend(admin, "{\"user\": \"it-newcomer\", \"k\": 5}");
        assertEquals(newcomer.toString(), "popularity", newcomer.get("source").asText());
        List<String> viewed = items(before).subList(1, 4);
        StringBuilder views = new StringBuilder();
        for (int i = 0; i < viewed.size(); i++) {
            views.append(i == 0 ? "" : ",").append("{\"id\": \"fresh-view-").append(i)
                    .append("\", \"type\": \"view\", \"user\": \"it-newcomer\", \"item\": \"").append(viewed.get(i))
                    .append("\", \"timestamp\": \"").append(java.time.Instant.now()).append("\"}");
        }
        post(admin, views.toString());
        // The store applies a batch's events one by one: wait for all three, not for the first fold-in.
        JsonNode folded = awaitAnswer(admin, "{\"user\": \"it-newcomer\", \"k\": 5}",
                answer -> "foldin".equals(answer.get("source").asText()) && answer.get("fresh").asInt() == 3);
        assertEquals(folded.toString(), 3, folded.get("fresh").asInt());
        for (String item : viewed) {
            assertTrue("a just-viewed item is not recommended back: " + folded, !items(folded).contains(item));
        }

        // The store is memory: after the recommendation bundle restarts, the events bundle replays what it stored.
        Bundle recommendation = bundle("io.merx.recommendation");
        recommendation.stop();
        recommendation.start();
        JsonNode restored = awaitAnswer(admin, "{\"user\": \"it-newcomer\", \"k\": 5}",
                answer -> "foldin".equals(answer.get("source").asText()) && answer.get("fresh").asInt() == 3);
        assertEquals(restored.toString(), items(folded), items(restored));
        assertEquals(restored.toString(), 3, restored.get("fresh").asInt());
        JsonNode customer = recommend(admin, "{\"user\": \"" + CUSTOMER + "\", \"k\": 5}");
        assertEquals(customer.toString(), items(after), items(customer));
    }

    private JsonNode recommend(String admin, String inputs) throws Exception {
        HttpResponse<String> scored = rest.send("POST", "/api/v1/models/" + RECOMMENDATIONS + "/score", admin,
                "{\"inputs\": " + inputs + "}");
        assertEquals(scored.body(), 200, scored.statusCode());
        return JSON.readTree(scored.body()).get("outputs");
    }

    private void post(String admin, String events) throws Exception {
        HttpResponse<String> posted = rest.send("POST", "/api/v1/events", admin, "{\"events\": [" + events + "]}");
        assertEquals(posted.body(), 200, posted.statusCode());
    }

    /** Events reach the recommendation store asynchronously: polls until the answer shows them. */
    private JsonNode awaitAnswer(String admin, String inputs, java.util.function.Predicate<JsonNode> changed)
            throws Exception {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        String last = null;
        while (System.currentTimeMillis() < deadline) {
            // Not 200 while a restarted bundle's kinds come back; that is waited out like a stale answer.
            HttpResponse<String> scored = rest.send("POST", "/api/v1/models/" + RECOMMENDATIONS + "/score", admin,
                    "{\"inputs\": " + inputs + "}");
            last = scored.statusCode() + " " + scored.body();
            if (scored.statusCode() == 200) {
                JsonNode answer = JSON.readTree(scored.body()).get("outputs");
                if (changed.test(answer)) {
                    return answer;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the events never changed the answer: " + last);
    }

    private static List<String> items(JsonNode answer) {
        List<String> ids = new java.util.ArrayList<>();
        answer.get("items").forEach(e -> ids.add(e.get("item").asText()));
        return ids;
    }

    private void assertFigures(String admin) throws Exception {
        HttpResponse<String> metrics = rest.send("GET", "/api/v1/models/" + DEMO + "/metrics", admin, null);
        assertEquals(metrics.body(), 200, metrics.statusCode());
        JsonNode live = JSON.readTree(metrics.body()).get("versions").get(0);
        assertEquals(metrics.body(), "live", live.get("route").asText());
        assertEquals(metrics.body(), 4, live.get("impressions").asLong());
        assertEquals(metrics.body(), 1, live.get("clicks").asLong());
        assertEquals(metrics.body(), 1, live.get("conversions").asLong());
        assertEquals(metrics.body(), 250.0, live.get("revenue").asDouble(), 0);
        assertEquals(metrics.body(), 0.25, live.get("ctr").get("rate").asDouble(), 0);
    }
}
