package io.merx.rest.internal;

import static io.merx.rest.internal.RestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.merx.events.internal.EventServiceImpl;
import io.merx.experiments.internal.ExperimentManager;
import io.merx.experiments.internal.GuardrailLimits;

/**
 * Experiments over real HTTP with the real runtime, event log and experiment service: a candidate that converts
 * far better is promoted and serves live; bad specs are refused naming the field; without the bundle, 503.
 */
class ExperimentsRestTest {

    @TempDir
    static Path dir;
    static RestServer server;
    static EventServiceImpl events;
    static ExperimentManager experiments;

    @BeforeAll
    static void start() throws Exception {
        server = new RestServer(dir);
        events = EventServiceImpl.open(dir.resolve("events"));
        server.core.bindEvents(events);
        // evaluated by the test (evaluate()), not on a timer, so the test waits for nothing
        experiments = new ExperimentManager(server.runtime, events, dir.resolve("experiments"),
                new GuardrailLimits(0.5, 5, 200), null, Clock.systemUTC());
        server.core.bindExperiments(experiments);
        server.train("shop", 3, true, Map.of());
        server.train("shop", 4, false, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        experiments.close();
        server.close();
        events.close();
    }

    @Test
    void aCandidateThatConvertsBetterIsPromotedAndServesLive() throws Exception {
        JsonNode started = expect(201, server.post("/api/v1/models/shop/experiments", "operator",
                "{\"version\": \"2\", \"percent\": 50, \"metric\": \"conversion\", \"guardrails\": [\"latency_p99\"],"
                        + " \"minSamples\": 100, \"expectedLift\": 1.0}"));
        String id = started.get("id").asText();
        assertEquals("running", started.get("state").asText());
        assertEquals("1", started.get("controlVersion").asText());
        expect(409, server.post("/api/v1/models/shop/experiments", "operator", "{\"version\": \"2\"}"));

        Random random = new Random(42);
        JsonNode report = null;
        for (int round = 0; round < 20; round++) {
            List<String> purchases = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String user = "u-" + round + "-" + i;
                JsonNode scored = expect(200, server.post("/api/v1/models/shop/score", "scorer",
                        "{\"inputs\": {\"x1\": 0.5, \"x2\": 0.2}, \"key\": \"" + user + "\"}"));
                double chance = "canary".equals(scored.get("route").asText()) ? 0.5 : 0.1;
                if (random.nextDouble() < chance) {
                    purchases.add("{\"id\": \"" + user + "\", \"type\": \"purchase\", \"user\": \"" + user + "\","
                            + " \"item\": \"p1\", \"value\": 10, \"timestamp\": \"2026-03-01T12:00:00Z\","
                            + " \"requestId\": \"" + scored.get("requestId").asText() + "\"}");
                }
            }
            if (!purchases.isEmpty()) {
                expect(200, server.post("/api/v1/events", "scorer",
                        "{\"events\": [" + String.join(",", purchases) + "]}"));
            }
            experiments.evaluate();
            report = expect(200, server.get("/api/v1/models/shop/experiments/" + id, "viewer"));
            if (!"running".equals(report.get("state").asText())) {
                break;
            }
        }
        assertEquals("promoted", report.get("state").asText(), report.toString());
        assertTrue(report.get("effect").get("low").asDouble() > 0, report.toString());
        assertTrue(report.get("effect").get("pValue").asDouble() <= 0.05, report.toString());
        assertTrue(report.get("candidate").get("impressions").asLong() >= 100, report.toString());
        JsonNode model = expect(200, server.get("/api/v1/models/shop", "viewer"));
        assertEquals("2", model.get("aliases").get("live").asText(), model.toString());

        JsonNode list = expect(200, server.get("/api/v1/models/shop/experiments", "viewer"));
        assertEquals(id, list.get("experiments").get(0).get("id").asText());
        // stopping an ended experiment changes nothing
        assertEquals("promoted", expect(200, server.post("/api/v1/models/shop/experiments/" + id + "/stop",
                "operator", "")).get("state").asText());
    }

    @Test
    void badSpecsAreRefusedNamingTheFieldAndViewersCannotStart() throws Exception {
        JsonNode percent = expect(400, server.post("/api/v1/models/shop/experiments", "operator",
                "{\"version\": \"2\", \"percent\": 150}"));
        assertEquals("percent", percent.get("field").asText());
        JsonNode metric = expect(400, server.post("/api/v1/models/shop/experiments", "operator",
                "{\"version\": \"2\", \"metric\": \"revenue\"}"));
        assertEquals("metric", metric.get("field").asText());
        JsonNode guardrail = expect(400, server.post("/api/v1/models/shop/experiments", "operator",
                "{\"version\": \"2\", \"guardrails\": [\"latency_p50\"]}"));
        assertEquals("guardrails", guardrail.get("field").asText());
        JsonNode unknown = expect(400, server.post("/api/v1/models/shop/experiments", "operator",
                "{\"version\": \"2\", \"pecrent\": 10}"));
        assertEquals("pecrent", unknown.get("field").asText());
        expect(404, server.post("/api/v1/models/shop/experiments", "operator", "{\"version\": \"9\"}"));
        expect(404, server.get("/api/v1/models/shop/experiments/exp-none", "viewer"));
        expect(403, server.post("/api/v1/models/shop/experiments", "viewer", "{\"version\": \"2\"}"));
    }

    @Test
    void withoutTheExperimentsBundleTheEndpointsAnswer503() throws Exception {
        server.core.unbindExperiments(experiments);
        try {
            expect(503, server.get("/api/v1/models/shop/experiments", "viewer"));
        } finally {
            server.core.bindExperiments(experiments);
        }
    }
}
