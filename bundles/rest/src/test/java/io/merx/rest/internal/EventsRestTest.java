package io.merx.rest.internal;

import static io.merx.rest.internal.RestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.merx.events.internal.EventServiceImpl;

/** The events endpoints, request ids and online metrics over real HTTP, with the real runtime and event log. */
class EventsRestTest {

    @TempDir
    static Path dir;
    static RestServer server;
    static EventServiceImpl events;

    private static final String INPUTS = "{\"inputs\": {\"x1\": 0.5, \"x2\": 0.2}, \"key\": \"user-1\"}";

    @BeforeAll
    static void start() throws Exception {
        server = new RestServer(dir);
        events = EventServiceImpl.open(dir.resolve("events"));
        server.core.bindEvents(events);
        server.train("shop", 3, true, Map.of());
        server.train("other", 2, true, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        events.close();
    }

    private static String event(String id, String type, String extra) {
        return "{\"id\": \"" + id + "\", \"type\": \"" + type + "\", \"user\": \"user-1\", \"item\": \"p1\","
                + " \"timestamp\": \"2026-03-01T12:00:00Z\"" + extra + "}";
    }

    @Test
    void eventsNamingARequestIdShowInThatVersionsMetrics() throws Exception {
        HttpResponse<String> scored = server.post("/api/v1/models/shop/score", "scorer", INPUTS);
        JsonNode body = expect(200, scored);
        String requestId = body.get("requestId").asText();
        assertEquals(requestId, scored.headers().firstValue("X-Merx-Request-Id").orElse(null));
        expect(200, server.post("/api/v1/models/shop/score", "scorer", INPUTS));

        String batch = "{\"events\": [" + event("s-1", "click", ", \"requestId\": \"" + requestId + "\"") + ", "
                + event("s-2", "purchase", ", \"value\": 19.5, \"requestId\": \"" + requestId + "\"") + "]}";
        JsonNode first = expect(200, server.post("/api/v1/events", "scorer", batch));
        assertEquals(2, first.get("accepted").asInt());
        assertEquals(0, first.get("duplicates").asInt());
        assertEquals(2, first.get("attributed").asInt());
        JsonNode again = expect(200, server.post("/api/v1/events", "scorer", batch));
        assertEquals(0, again.get("accepted").asInt());
        assertEquals(2, again.get("duplicates").asInt(), "a re-sent batch is counted once");

        JsonNode metrics = expect(200, server.get("/api/v1/models/shop/metrics", "viewer"));
        JsonNode live = metrics.get("versions").get(0);
        assertEquals("1", live.get("version").asText());
        assertEquals("live", live.get("route").asText());
        assertEquals(2, live.get("impressions").asLong());
        assertEquals(1, live.get("clicks").asLong());
        assertEquals(1, live.get("conversions").asLong());
        assertEquals(19.5, live.get("revenue").asDouble());
        assertEquals(0.5, live.get("ctr").get("rate").asDouble());
        // Wilson 95 % interval of 1 in 2, by hand: centre (0.5 + z^2/4) / (1 + z^2/2) = 0.5, half-width 0.4330...
        assertEquals(0.0945, live.get("ctr").get("low").asDouble(), 1e-4);
        assertEquals(0.9055, live.get("ctr").get("high").asDouble(), 1e-4);

        String prometheus = server.get("/metrics", "viewer").body();
        assertTrue(prometheus.contains("merx_online_clicks_total{model=\"shop\",route=\"live\",version=\"1\"} 1.0"),
                prometheus);
        assertTrue(prometheus.contains(
                "merx_online_impressions_total{model=\"shop\",route=\"live\",version=\"1\"} 2.0"), prometheus);
        assertTrue(prometheus.contains("merx_online_revenue_total{model=\"shop\",route=\"live\",version=\"1\"} 19.5"),
                prometheus);
    }

    @Test
    void inferenceAnswersCarryARequestIdToo() throws Exception {
        String row = "{\"inputs\": [{\"name\": \"x1\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [0.5]},"
                + "{\"name\": \"x2\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [0.2]}]}";
        HttpResponse<String> first = server.post("/v2/models/other/infer", "scorer", row);
        HttpResponse<String> second = server.post("/v2/models/other/infer", "scorer", row);
        String id = expect(200, first).get("parameters").get("requestId").asText();
        assertEquals(id, first.headers().firstValue("X-Merx-Request-Id").orElse(null));
        assertNotEquals(id, expect(200, second).get("parameters").get("requestId").asText(), "unique per response");
    }

    @Test
    void aBadEventIsA400NamingItsIndexAndFieldAndNothingIsStored() throws Exception {
        String batch = "[" + event("b-1", "view", "") + ", " + event("b-2", "buy", "") + "]";
        JsonNode error = expect(400, server.post("/api/v1/events", "scorer", batch));
        assertEquals("events[1].type must be one of view, click, add_to_cart, purchase, custom, got 'buy'",
                error.get("error").asText());
        assertEquals("events[1].type", error.get("field").asText());
        assertEquals(1, expect(200, server.post("/api/v1/events", "scorer", "[" + event("b-1", "view", "") + "]"))
                .get("accepted").asInt(), "the valid event of the refused batch was not stored");

        assertEquals("events[0].value must be a number, got string \"12\"",
                expect(400, server.post("/api/v1/events", "scorer", "[" + event("b-3", "purchase",
                        ", \"value\": \"12\"") + "]")).get("error").asText());
        assertEquals("events[0].timestamp", expect(400, server.post("/api/v1/events", "scorer",
                "[{\"id\": \"b-4\", \"type\": \"view\", \"user\": \"u\", \"item\": \"p\"}]")).get("field").asText());
        assertEquals("events[0].revenue", expect(400, server.post("/api/v1/events", "scorer",
                "[" + event("b-5", "purchase", ", \"revenue\": 3") + "]")).get("field").asText());
    }

    @Test
    void aUsersHistoryIsReadableByViewersNewestFirst() throws Exception {
        String batch = "[{\"id\": \"u-1\", \"type\": \"purchase\", \"user\": \"history-user\", \"item\": \"p7\","
                + " \"value\": 12.5, \"timestamp\": \"2026-03-01T12:00:00Z\"}, {\"id\": \"u-2\", \"type\": \"purchase\","
                + " \"user\": \"history-user\", \"item\": \"p8\", \"timestamp\": \"2026-03-02T12:00:00Z\"}]";
        expect(200, server.post("/api/v1/events", "scorer", batch));
        JsonNode history = expect(200, server.get("/api/v1/events?user=history-user&types=purchase&limit=5", "viewer"));
        assertEquals("history-user", history.get("user").asText());
        assertEquals(2, history.get("events").size());
        assertEquals("p8", history.get("events").get(0).get("item").asText(), "newest first");
        assertEquals(12.5, history.get("events").get(1).get("value").asDouble());
        assertEquals("user", expect(400, server.get("/api/v1/events?limit=5", "viewer")).get("field").asText());
        assertEquals("limit", expect(400, server.get("/api/v1/events?user=history-user&limit=0", "viewer"))
                .get("field").asText());
    }

    @Test
    void exportGivesTheRecommendationCsvToOperatorsOnly() throws Exception {
        expect(200, server.post("/api/v1/events", "scorer", "[" + event("x-1", "add_to_cart", "") + "]"));
        HttpResponse<String> csv = server.get("/api/v1/events/export?types=add_to_cart", "operator");
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertEquals("user,item,weight,timestamp,value\nuser-1,p1,1,2026-03-01T12:00:00Z,0\n", csv.body());
        expect(403, server.get("/api/v1/events/export", "scorer"));
        assertEquals("types", expect(400, server.get("/api/v1/events/export?types=buy", "operator")).get("field")
                .asText());
    }

    @Test
    void withoutTheEventsBundleScoringWorksAndEventsAnswer503() throws Exception {
        server.core.unbindEvents(events);
        try {
            JsonNode scored = expect(200, server.post("/api/v1/models/other/score", "scorer", INPUTS));
            assertTrue(scored.hasNonNull("requestId"));
            expect(503, server.post("/api/v1/events", "scorer", "[" + event("n-1", "view", "") + "]"));
        } finally {
            server.core.bindEvents(events);
        }
    }
}
