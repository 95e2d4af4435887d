package io.merx.rest.internal;

import static io.merx.rest.internal.RestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.merx.runtime.internal.TestRuntimes;
import io.merx.testkit.LinearTestKind;

/**
 * {@code /v2/health/ready} says ready only when every live model answers without loading first, and a model's
 * own ready agrees; {@code /v2/health/live} only says the server answers.
 */
class ReadinessTest {

    private static final String INPUTS = "{\"inputs\": {\"x1\": 0.5, \"x2\": 0.2}}";

    @Test
    void notReadyAfterARestartUntilEveryLiveModelIsLoaded(@TempDir Path dir) throws Exception {
        RestSettings settings = RestSettings.defaults(dir.resolve("datasets"));
        try (RestServer before = new RestServer(dir, settings)) {
            before.train("house", 3, true, Map.of());
            before.train("flat", 2, true, Map.of());
        }
        try (RestServer server = new RestServer(dir, settings, false)) {
            assertTrue(status(200, server.get("/v2/health/live", null)).get("live").asBoolean());
            assertFalse(status(503, server.get("/v2/health/ready", null)).get("ready").asBoolean());
            assertFalse(status(503, server.get("/v2/models/house/ready", "viewer")).get("ready").asBoolean());

            TestRuntimes.bind(server.runtime, LinearTestKind.house());

            assertTrue(status(200, server.get("/v2/models/house/ready", "viewer")).get("ready").asBoolean());
            assertTrue(status(200, server.get("/v2/models/flat/ready", "viewer")).get("ready").asBoolean());
            assertTrue(status(200, server.get("/v2/health/ready", null)).get("ready").asBoolean());
            expect(200, server.post("/api/v1/models/house/score", "scorer", INPUTS));
        }
    }

    @Test
    void aVersionNoAliasPointsAtIsReadyOnceLoaded(@TempDir Path dir) throws Exception {
        try (RestServer server = new RestServer(dir)) {
            server.train("house", 3, true, Map.of());
            server.train("house", 5, false, Map.of());
            assertTrue(status(200, server.get("/v2/health/ready", null)).get("ready").asBoolean());
            assertFalse(status(503, server.get("/v2/models/house/versions/2/ready", "viewer")).get("ready")
                    .asBoolean());
            expect(200, server.post("/api/v1/models/house/score?version=2", "scorer", INPUTS));
            assertTrue(status(200, server.get("/v2/models/house/versions/2/ready", "viewer")).get("ready")
                    .asBoolean());
        }
    }

    /** A health answer: the status and its JSON body, which is not an error body. */
    private static JsonNode status(int status, HttpResponse<String> response) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        return RestServer.json(response);
    }
}
