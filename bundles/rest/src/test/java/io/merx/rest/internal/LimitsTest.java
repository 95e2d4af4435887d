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

import io.merx.testkit.LinearTestKind;

/** Per-model concurrency and request time limits answer 429 and 503 with Retry-After instead of queueing. */
class LimitsTest {

    private static final String INPUTS = "{\"inputs\": {\"x1\": 0.5, \"x2\": 0.2}}";

    private static RestSettings settings(Path dir, int concurrency, Duration timeout) {
        return settings(dir, concurrency, timeout, Map.of());
    }

    private static RestSettings settings(Path dir, int concurrency, Duration timeout,
            Map<String, Duration> timeouts) {
        RestSettings d = RestSettings.defaults(dir.resolve("datasets"));
        return new RestSettings(4096, d.maxUploadBytes(), 10, 8, timeout, concurrency, Duration.ZERO, 7,
                d.realm(), d.rolePrincipalClasses(), d.authCache(), d.datasetDirectories(), timeouts);
    }

    private static String batch(int size) {
        StringBuilder batch = new StringBuilder("{\"instances\": [");
        for (int i = 0; i < size; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"x1\": 1, \"x2\": 1}");
        }
        return batch + "]}";
    }

    @Test
    void aTimedOutBatchStopsScoringAndFreesItsSlot(@TempDir Path dir) throws Exception {
        try (RestServer server = new RestServer(dir, settings(dir, 1, Duration.ofMillis(300)))) {
            server.train("slow", 3, true, Map.of("scoreDelayMillis", "100"));
            HttpResponse<String> timedOut = server.post("/api/v1/models/slow/score", "scorer", batch(10));
            assertEquals(503, timedOut.statusCode(), timedOut.body());
            assertTrue(RestServer.assertError(timedOut).get("error").asText().contains("cancelled"));
            // The only slot is free again at once: a single request is served, not refused with 429.
            HttpResponse<String> next = server.post("/api/v1/models/slow/score", "scorer", INPUTS);
            assertEquals(200, next.statusCode(), next.body());
            Thread.sleep(1200); // longer than the rest of the batch would have taken
            long scored = server.runtime.info("slow", "live").stats().requests();
            assertTrue(scored <= 6, scored + " items scored: the batch of 10 went on after its timeout");
            String metrics = server.get("/metrics", "viewer").body();
            assertTrue(metrics.contains("merx_http_request_timeouts_total{model=\"slow\"} 1.0"), metrics);
        }
    }

    @Test
    void aModelOrKindMayHaveItsOwnTimeout(@TempDir Path dir) throws Exception {
        Map<String, Duration> timeouts = Map.of("slow", Duration.ofSeconds(5),
                RestSettings.KIND_PREFIX + LinearTestKind.HOUSE, Duration.ofMillis(100));
        try (RestServer server = new RestServer(dir, settings(dir, 4, Duration.ofSeconds(10), timeouts))) {
            server.train("slow", 3, true, Map.of("scoreDelayMillis", "300"));
            server.train("other", 3, true, Map.of("scoreDelayMillis", "300"));
            assertEquals(200, server.post("/api/v1/models/slow/score", "scorer", INPUTS).statusCode());
            HttpResponse<String> other = server.post("/api/v1/models/other/score", "scorer", INPUTS);
            assertEquals(503, other.statusCode(), other.body());
            assertTrue(RestServer.assertError(other).get("error").asText().contains("100 ms"), other.body());
        }
    }

    @Test
    void timeoutsPerModelOrKindAreReadFromTheConfiguration() {
        Map<String, Duration> timeouts = RestSettings.timeouts(new String[] {"kind:nlp.x=30000, m=2000", " "});
        assertEquals(Map.of("kind:nlp.x", Duration.ofSeconds(30), "m", Duration.ofSeconds(2)), timeouts);
        IllegalArgumentException bad = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> RestSettings.timeouts(new String[] {"m=soon"}));
        assertTrue(bad.getMessage().contains("'m=soon'"), bad.getMessage());
    }

    @Test
    void aBatchThatCannotFitIsRefusedUpFront(@TempDir Path dir) throws Exception {
        try (RestServer server = new RestServer(dir, settings(dir, 4, Duration.ofMillis(300)))) {
            server.train("slow", 3, true, Map.of("scoreDelayMillis", "50"));
            for (int i = 0; i < 20; i++) {
                assertEquals(200, server.post("/api/v1/models/slow/score", "scorer", INPUTS).statusCode());
            }
            long before = server.runtime.info("slow", "live").stats().requests();
            HttpResponse<String> refused = server.post("/api/v1/models/slow/score", "scorer", batch(10));
            assertEquals(413, refused.statusCode(), refused.body());
            String error = RestServer.assertError(refused).get("error").asText();
            assertTrue(error.contains("timeout of 300 ms") && error.contains("at most"), error);
            assertEquals("instances", RestServer.json(refused).get("field").asText());
            assertEquals(before, server.runtime.info("slow", "live").stats().requests(), "nothing scored");
        }
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
