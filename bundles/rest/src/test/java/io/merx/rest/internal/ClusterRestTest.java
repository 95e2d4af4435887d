package io.merx.rest.internal;

import static io.merx.rest.internal.RestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.merx.runtime.cluster.ConcurrentChangeException;
import io.merx.runtime.cluster.SharedStateUnavailableException;

/** The nodes at GET /api/v1/cluster, activate?wait, and the answers to a cluster's conflicts and outages. */
class ClusterRestTest {

    @TempDir
    Path dir;

    @Test
    void listsThisNodeAndWaitsForItOnActivate() throws Exception {
        try (RestServer server = new RestServer(dir)) {
            server.train("house", 3, true, Map.of());
            server.train("house", 5, false, Map.of());

            JsonNode nodes = expect(200, server.get("/api/v1/cluster", "viewer")).get("nodes");
            assertEquals(1, nodes.size(), nodes.toString());
            JsonNode house = nodes.get(0).get("models").get("house");
            assertEquals("1", house.get("liveVersion").asText());
            assertEquals(0, house.get("lag").asLong());
            assertTrue(nodes.get(0).get("converged").asBoolean());

            JsonNode activated = expect(200, server.post("/api/v1/models/house/activate?wait=5", "operator",
                    "{\"version\": \"2\"}"));
            assertEquals("2", activated.get("version").asText());
            assertTrue(activated.get("converged").asBoolean(), activated.toString());
            assertEquals("2", activated.get("nodes").get(0).get("models").get("house").get("liveVersion").asText());

            JsonNode bad = expect(400, server.post("/api/v1/models/house/activate?wait=forever", "operator",
                    "{\"version\": \"1\"}"));
            assertEquals("wait", bad.get("field").asText());
            expect(401, server.get("/api/v1/cluster", null));
        }
    }

    @Test
    void aConflictIs409AndAnUnreachableDatabase503NamingIt() {
        ApiException conflict = Errors.map(new ConcurrentChangeException(
                "model 'house' was changed meanwhile (revision 8, this change was made at 7); look again and retry"));
        assertEquals(409, conflict.status());
        assertTrue(conflict.getMessage().startsWith("model 'house' was changed meanwhile"), conflict.getMessage());

        ApiException down = Errors.map(new SharedStateUnavailableException(
                "PostgreSQL at db.example:5432/merx cannot be reached: connection refused", new RuntimeException()));
        assertEquals(503, down.status());
        assertTrue(down.retry(), "503 says when to retry");
        assertTrue(down.getMessage().contains("PostgreSQL at db.example:5432/merx"), down.getMessage());
    }
}
