package io.merx.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-model concurrency and request time limits answer 429 and 503 with Retry-After instead of queueing. */
class LimitsTest {

    private static final String INPUTS = "{\"inputs\": {\"x1\": 0.5, \"x2\": 0.2}}";

    private static RestSettings settings(Path dir, int concurrency, Duration timeout) {
        RestSettings d = RestSettings.defaults(dir.resolve("datasets"));
        return new RestSettings(4096, d.maxUploadBytes(), 10, 8, timeout, concurrency, Duration.ZERO, 7,
                d.realm(), d.rolePrincipalClasses(), d.authCache(), d.datasetDirectories());
    }

    @Test
    void refusesBeyondTheModelsConcurrencyWith429(@TempDir Path dir) throws Exception {
        try (RestServer server = new RestServer(dir, settings(dir, 1, Duration.ofSeconds(10)))) {
            server.train("slow", 3, true, Map.of("scoreDelayMillis", "400"));
            server.train("fast", 3, true, Map.of());
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return server.post("/api/v1/models/slow/score", "scorer", INPUTS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            int ok = 0;
            int busy = 0;
            for (CompletableFuture<HttpResponse<String>> call : calls) {
                HttpResponse<String> response = call.get();
                if (response.statusCode() == 200) {
                    ok++;
                } else {
                    assertEquals(429, response.statusCode(), response.body());
                    assertEquals("7", response.headers().firstValue("Retry-After").orElse(""));
                    RestServer.assertError(response);
                    busy++;
                }
            }
            assertTrue(ok >= 1 && busy >= 1, ok + " ok, " + busy + " busy");
            // Another model is not held up by the slow one.
            assertEquals(200, server.post("/api/v1/models/fast/score", "scorer", INPUTS).statusCode());
        }
    }

    @Test
    void answers503WhenAModelIsTooSlow(@TempDir Path dir) throws Exception {
        try (RestServer server = new RestServer(dir, settings(dir, 4, Duration.ofMillis(150)))) {
            server.train("slow", 3, true, Map.of("scoreDelayMillis", "1000"));
            long start = System.nanoTime();
            HttpResponse<String> response = server.post("/api/v1/models/slow/score", "scorer", INPUTS);
            assertTrue(System.nanoTime() - start < 900_000_000L, "answered before the scorer finished");
            assertEquals(503, response.statusCode(), response.body());
            assertEquals("7", response.headers().firstValue("Retry-After").orElse(""));
            assertTrue(RestServer.assertError(response).get("error").asText().contains("150 ms"));
        }
    }

    @Test
    void configuredBodyAndBatchLimitsApply(@TempDir Path dir) throws Exception {
        try (RestServer server = new RestServer(dir, settings(dir, 4, Duration.ofSeconds(10)))) {
            server.train("m", 3, true, Map.of());
            HttpResponse<String> big = server.post("/api/v1/models/m/score", "scorer",
                    "{\"inputs\": {\"x1\": \"" + "a".repeat(5000) + "\"}}");
            assertEquals(413, big.statusCode());
            StringBuilder batch = new StringBuilder("{\"instances\": [");
            for (int i = 0; i < 11; i++) {
                batch.append(i == 0 ? "" : ",").append("{\"x1\": 1, \"x2\": 1}");
            }
            assertEquals(413, server.post("/api/v1/models/m/score", "scorer", batch + "]}").statusCode());
            String deep = "[".repeat(9) + "]".repeat(9);
            HttpResponse<String> nested = server.post("/api/v1/models/m/score", "scorer",
                    "{\"inputs\": {\"x1\": " + deep + "}}");
            assertEquals(400, nested.statusCode());
            assertTrue(Set.of(200).contains(server.post("/api/v1/models/m/score", "scorer", INPUTS).statusCode()));
        }
    }
}
