package io.merx.rest.internal;

import static io.merx.rest.internal.RestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.merx.testkit.LinearTestKind;

/** Every endpoint over real HTTP against the real runtime, as the roles allowed to use it. */
class RestApiTest {

    @TempDir
    static Path dir;
    static RestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new RestServer(dir);
        server.train("house", 3, true, Map.of());
        server.train("house", 5, false, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static final String INPUTS = "{\"inputs\": {\"x1\": 0.5, \"x2\": 0.2}, \"key\": \"user-1\"}";

    @Test
    void scoresThroughLiveAndPinsVersions() throws Exception {
        JsonNode live = expect(200, server.post("/api/v1/models/house/score", "scorer", INPUTS));
        assertEquals("house", live.get("model").asText());
        assertEquals("1", live.get("version").asText());
        assertEquals("live", live.get("route").asText());
        assertEquals(3 * 0.5 - 2 * 0.2 + 1, live.get("outputs").get("prediction").asDouble(), 0.05);

        JsonNode pinned = expect(200, server.post("/api/v1/models/house/score?version=2", "admin", INPUTS));
        assertEquals("2", pinned.get("version").asText());
        assertEquals("pinned", pinned.get("route").asText());
        assertEquals(5 * 0.5 - 2 * 0.2 + 1, pinned.get("outputs").get("prediction").asDouble(), 0.05);
    }

    @Test
    void scoresBatchesWithOneVersion() throws Exception {
        JsonNode batch = expect(200, server.post("/api/v1/models/house/score", "scorer",
                "{\"instances\": [{\"x1\": 0, \"x2\": 0}, {\"x1\": 1, \"x2\": 0}, {\"x1\": 0, \"x2\": 1}]}"));
        assertEquals("1", batch.get("version").asText());
        assertEquals(3, batch.get("predictions").size());
        assertEquals(1.0, batch.get("predictions").get(0).get("prediction").asDouble(), 0.05);
        assertEquals(4.0, batch.get("predictions").get(1).get("prediction").asDouble(), 0.05);
        assertEquals(-1.0, batch.get("predictions").get(2).get("prediction").asDouble(), 0.05);
    }

    @Test
    void speaksOpenInferenceProtocolV2() throws Exception {
        assertTrue(expect(200, server.get("/v2/health/live", null)).get("live").asBoolean());
        assertTrue(expect(200, server.get("/v2/health/ready", null)).get("ready").asBoolean());
        assertEquals("merx", expect(200, server.get("/v2", null)).get("name").asText());

        JsonNode metadata = expect(200, server.get("/v2/models/house", "scorer"));
        assertEquals("house", metadata.get("name").asText());
        assertEquals("merx:" + LinearTestKind.HOUSE, metadata.get("platform").asText());
        assertEquals(2, metadata.get("versions").size());
        assertEquals("x1", metadata.get("inputs").get(0).get("name").asText());
        assertEquals("FP64", metadata.get("inputs").get(0).get("datatype").asText());
        assertEquals("2", expect(200, server.get("/v2/models/house/versions/2", "viewer")).get("versions").get(0)
                .asText());
        assertTrue(expect(200, server.get("/v2/models/house/ready", "viewer")).get("ready").asBoolean());
        expect(200, server.post("/api/v1/models/house/score?version=2", "scorer", INPUTS)); // loads version 2
        assertTrue(expect(200, server.get("/v2/models/house/versions/2/ready", "scorer")).get("ready").asBoolean());

        String twoRows = "{\"id\": \"r-7\", \"parameters\": {\"key\": \"user-1\"}, \"inputs\": ["
                + "{\"name\": \"x1\", \"shape\": [2], \"datatype\": \"FP64\", \"data\": [0.5, 1]},"
                + "{\"name\": \"x2\", \"shape\": [2], \"datatype\": \"FP32\", \"data\": [0.2, 0]}]}";
        JsonNode answer = expect(200, server.post("/v2/models/house/infer", "scorer", twoRows));
        assertEquals("house", answer.get("model_name").asText());
        assertEquals("1", answer.get("model_version").asText());
        assertEquals("r-7", answer.get("id").asText());
        JsonNode output = answer.get("outputs").get(0);
        assertEquals("prediction", output.get("name").asText());
        assertEquals("FP64", output.get("datatype").asText());
        assertEquals(2, output.get("shape").get(0).asInt());
        assertEquals(2.1, output.get("data").get(0).asDouble(), 0.05);
        assertEquals(4.0, output.get("data").get(1).asDouble(), 0.05);

        String oneRow = "{\"inputs\": [{\"name\": \"x1\", \"shape\": [1, 1], \"datatype\": \"FP64\", \"data\": [[0.5]]},"
                + "{\"name\": \"x2\", \"shape\": [1], \"datatype\": \"INT64\", \"data\": [0]}],"
                + " \"outputs\": [{\"name\": \"prediction\"}]}";
        JsonNode v2 = expect(400, server.post("/v2/models/house/versions/2/infer", "scorer", oneRow));
        assertEquals("x1", v2.get("field").asText(), "a [1,1] tensor gives a list, the model wants a number");
        String scalar = oneRow.replace("\"shape\": [1, 1], \"datatype\": \"FP64\", \"data\": [[0.5]]",
                "\"shape\": [1], \"datatype\": \"FP64\", \"data\": [0.5]");
        JsonNode pinned = expect(200, server.post("/v2/models/house/versions/2/infer", "scorer", scalar));
        assertEquals("2", pinned.get("model_version").asText());
        assertEquals(3.5, pinned.get("outputs").get(0).get("data").get(0).asDouble(), 0.05);
    }

    @Test
    void listsAndInspectsModelsVersionsKindsAndJobs() throws Exception {
        JsonNode models = expect(200, server.get("/api/v1/models", "viewer")).get("models");
        JsonNode house = null;
        for (JsonNode m : models) {
            if (m.get("name").asText().equals("house")) {
                house = m;
            }
        }
        assertEquals(LinearTestKind.HOUSE, house.get("kind").asText());
        assertEquals("1", house.get("aliases").get("live").asText());

        JsonNode model = expect(200, server.get("/api/v1/models/house", "viewer"));
        assertEquals(2, model.get("versions").size());
        JsonNode v1 = expect(200, server.get("/api/v1/models/house/versions/1", "viewer"));
        assertEquals("1", v1.get("version").asText());
        assertTrue(v1.get("metrics").get("rmse").asDouble() < 0.1);
        assertEquals(LinearTestKind.HOUSE, v1.get("provenance").get("kind").asText());
        assertEquals(50, v1.get("provenance").get("dataRows").asInt());
        assertEquals("x1", v1.get("inputSchema").get("fields").get(0).get("name").asText());
        assertTrue(v1.get("aliases").toString().contains("live"));
        assertFalse(v1.get("state").asText().isEmpty());
        assertEquals("1", expect(200, server.get("/api/v1/models/house/versions/live", "operator")).get("version")
                .asText());
        assertEquals(2, expect(200, server.get("/api/v1/models/house/versions", "viewer")).get("versions").size());

        JsonNode kinds = expect(200, server.get("/api/v1/kinds", "viewer")).get("kinds");
        assertEquals(LinearTestKind.HOUSE, kinds.get(0).get("name").asText());
        assertEquals("epochs", kinds.get(0).get("parameters").get(0).get("name").asText());

        assertTrue(expect(200, server.get("/api/v1/jobs", "viewer")).get("jobs").size() >= 1);
        assertEquals("succeeded", expect(200, server.get("/api/v1/models/house/job", "viewer")).get("state")
                .asText());
    }

    @Test
    void steersTrafficActivateRollbackAliasCanaryShadow() throws Exception {
        server.train("steer", 3, true, Map.of());
        server.train("steer", 5, false, Map.of());
        String path = "/api/v1/models/steer";

        assertEquals("2", expect(200, server.post(path + "/activate", "operator", "{\"version\": \"2\"}"))
                .get("version").asText());
        assertEquals("2", expect(200, server.post(path + "/score", "scorer", INPUTS)).get("version").asText());
        assertEquals("1", expect(200, server.post(path + "/rollback", "operator", null)).get("version").asText());

        JsonNode aliased = expect(200, server.put(path + "/aliases/staging", "operator", "{\"version\": \"2\"}"));
        assertEquals("2", aliased.get("aliases").get("staging").asText());
        assertEquals("2", expect(200, server.post(path + "/score?version=staging", "scorer", INPUTS))
                .get("version").asText());
        assertFalse(expect(200, server.delete(path + "/aliases/staging", "operator")).get("aliases").has("staging"));

        JsonNode canary = expect(200, server.put(path + "/canary", "operator",
                "{\"version\": \"2\", \"percent\": 100}"));
        assertEquals("2", canary.get("canary").get("version").asText());
        JsonNode routed = expect(200, server.post(path + "/score", "scorer", INPUTS));
        assertEquals("canary", routed.get("route").asText());
        assertEquals("2", routed.get("version").asText());
        assertTrue(expect(200, server.delete(path + "/canary", "operator")).get("canary").isNull());

        assertEquals("2", expect(200, server.put(path + "/shadow", "operator", "{\"version\": \"2\"}"))
                .get("shadowVersion").asText());
        for (int i = 0; i < 5; i++) {
            expect(200, server.post(path + "/score", "scorer", INPUTS));
        }
        JsonNode report = null;
        for (int i = 0; i < 50; i++) {
            report = expect(200, server.get(path + "/shadow", "viewer"));
            if (report.get("compared").asInt() == 5) {
                break;
            }
            Thread.sleep(50);
        }
        assertEquals("2", report.get("candidateVersion").asText());
        assertEquals(5, report.get("compared").asInt());
        assertEquals(5, report.get("differed").asInt());
        assertTrue(expect(200, server.delete(path + "/shadow", "operator")).get("shadowVersion").isNull());
    }

    @Test
    void trainsFromServerFilesAndUploadsAsync() throws Exception {
        server.csv("train.csv", 2);
        JsonNode job = expect(202, server.post("/api/v1/models/trained/train", "operator",
                "{\"kind\": \"test.house\", \"dataset\": \"train.csv\", \"parameters\": {\"epochs\": 300,"
                        + " \"sleepMillis\": 2}, \"activate\": true}"));
        assertEquals("trained", job.get("model").asText());
        JsonNode done = awaitJob("trained");
        assertEquals("succeeded", done.get("state").asText(), done.toString());
        assertEquals(1.0, done.get("progress").asDouble(), 1e-9);
        assertEquals("1", done.get("resultVersion").asText());
        Instant started = Instant.parse(done.get("startedAt").asText());
        assertFalse(Instant.parse(done.get("finishedAt").asText()).isBefore(started), done.toString());
        assertEquals("1", expect(200, server.post("/api/v1/models/trained/score", "scorer", INPUTS))
                .get("version").asText());

        byte[] csv = Files.readAllBytes(server.csv("upload.csv", 4));
        HttpResponse<String> upload = server.send("POST",
                "/api/v1/models/trained/train?kind=test.house&activate=true&param.epochs=500", "admin", "text/csv", csv);
        expect(202, upload);
        assertTrue(upload.headers().firstValue("Location").orElse("").endsWith("/api/v1/models/trained/job"));
        JsonNode second = awaitJob("trained");
        assertEquals("succeeded", second.get("state").asText(), second.toString());
        assertEquals("2", second.get("resultVersion").asText());
        JsonNode v2 = expect(200, server.get("/api/v1/models/trained/versions/2", "viewer"));
        assertEquals(500, v2.get("provenance").get("hyperParameters").get("epochs").asInt());
        for (int i = 0; i < 50 && hasUploads(); i++) {
            Thread.sleep(50);
        }
        assertFalse(hasUploads(), "the uploaded data set is deleted once the job is done");

        JsonNode slow = expect(202, server.post("/api/v1/models/slow/train", "operator",
                "{\"kind\": \"test.house\", \"dataset\": \"train.csv\", \"parameters\": {\"epochs\": 100000,"
                        + " \"sleepMillis\": 5}}"));
        assertEquals("slow", slow.get("model").asText());
        assertTrue(slow.get("finishedAt").isNull(), "a job just started has not finished: " + slow);
        expect(409, server.post("/api/v1/models/slow/train", "operator",
                "{\"kind\": \"test.house\", \"dataset\": \"train.csv\"}"));
        expect(200, server.delete("/api/v1/models/slow/job", "operator"));
        assertEquals("cancelled", awaitJob("slow").get("state").asText());
    }

    private static boolean hasUploads() throws Exception {
        try (var files = Files.list(dir.resolve("uploads"))) {
            return files.findAny().isPresent();
        }
    }

    private static JsonNode awaitJob(String model) throws Exception {
        JsonNode job = null;
        for (int i = 0; i < 300; i++) {
            job = expect(200, server.get("/api/v1/models/" + model + "/job", "viewer"));
            if (!job.get("state").asText().equals("running") && !job.get("state").asText().equals("queued")) {
                return job;
            }
            Thread.sleep(50);
        }
        return job;
    }

    @Test
    void exportsImportsAndDeletes() throws Exception {
        server.train("moving", 3, true, Map.of());
        server.train("moving", 4, false, Map.of());
        HttpResponse<byte[]> export = server.client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.base + "/api/v1/models/moving/versions/live/export"))
                .header("Authorization", RestServer.auth("operator")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, export.statusCode());
        assertEquals("application/zip", export.headers().firstValue("Content-Type").orElse(""));
        assertTrue(export.body().length > 100);

        JsonNode imported = expect(201, server.send("POST", "/api/v1/models/import?name=moved", "operator",
                "application/zip", export.body()));
        assertEquals("moved", imported.get("model").asText());
        assertEquals("1", imported.get("version").asText());
        expect(200, server.post("/api/v1/models/moved/activate", "operator", "{\"version\": \"1\"}"));
        assertEquals(2.1, expect(200, server.post("/api/v1/models/moved/score", "scorer", INPUTS)).get("outputs")
                .get("prediction").asDouble(), 0.05);

        expect(409, server.delete("/api/v1/models/moving/versions/1", "admin"));
        JsonNode deleted = expect(200, server.delete("/api/v1/models/moving/versions/2", "admin"));
        assertEquals("2", deleted.get("deleted").asText());
        expect(404, server.get("/api/v1/models/moving/versions/2", "viewer"));
    }

    @Test
    void hotSwapUnderLoadFailsNoRequest() throws Exception {
        server.train("swap", 3, true, Map.of());
        server.train("swap", 5, false, Map.of());
        ExecutorService clients = Executors.newFixedThreadPool(4);
        AtomicBoolean swapped = new AtomicBoolean();
        List<Future<Set<String>>> results = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            results.add(clients.submit(() -> {
                Set<String> versions = new HashSet<>();
                for (int i = 0; i < 150 || !swapped.get(); i++) {
                    HttpResponse<String> response = server.post("/api/v1/models/swap/score", "scorer", INPUTS);
                    assertEquals(200, response.statusCode(), response.body());
                    versions.add(RestServer.json(response).get("version").asText());
                }
                return versions;
            }));
        }
        Thread.sleep(100);
        expect(200, server.post("/api/v1/models/swap/activate", "operator", "{\"version\": \"2\"}"));
        swapped.set(true);
        Set<String> seen = new HashSet<>();
        for (var result : results) {
            seen.addAll(result.get());
        }
        clients.shutdown();
        assertTrue(seen.contains("2"), seen.toString());
    }

    @Test
    void servesPrometheusMetricsPerModelAndVersion() throws Exception {
        expect(200, server.post("/api/v1/models/house/score", "scorer", INPUTS));
        expect(404, server.post("/api/v1/models/no-such-model/score", "scorer", INPUTS));
        expect(400, server.post("/api/v1/models/house/score", "scorer", "{\"inputs\": {\"x1\": 1}}"));
        HttpResponse<String> metrics = server.get("/metrics", "viewer");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        String text = metrics.body();
        assertTrue(text.contains("merx_http_requests_total{endpoint=\"score\",model=\"house\",version=\"1\"}"), text);
        assertTrue(text.contains("merx_http_request_duration_seconds_bucket{endpoint=\"score\",model=\"house\","
                + "version=\"1\",le=\"0.005\"}"), text);
        assertTrue(text.contains("merx_http_request_errors_total{endpoint=\"score\",model=\"_unknown\","
                + "status=\"404\"}"), text);
        assertTrue(text.contains("merx_http_request_errors_total{endpoint=\"score\",model=\"house\",status=\"400\"}"),
                text);
        assertTrue(text.contains("merx_model_version_requests_total{model=\"house\",version=\"1\"}"), text);
        assertTrue(text.contains("merx_model_version_state{model=\"house\",state="), text);
        assertTrue(text.contains("merx_training_jobs{state=\"succeeded\"}"), text);
        assertTrue(text.contains("jvm_memory_used_bytes{area=\"heap\"}"), text);
        assertFalse(text.contains("merx_nd4j_offheap_bytes "), "no compute bundle here: " + text);
    }

    @Test
    void countsSwaps() throws Exception {
        server.train("swapping", 3, true, Map.of());
        server.train("swapping", 4, false, Map.of());
        server.get("/metrics", "viewer");
        expect(200, server.post("/api/v1/models/swapping/activate", "operator", "{\"version\": \"2\"}"));
        String text = server.get("/metrics", "viewer").body();
        assertTrue(text.contains("merx_model_swaps_total{model=\"swapping\"} 1.0"), text);
        assertTrue(text.contains("merx_deployments_total{model=\"swapping\",operation=\"activate\"} 1.0"), text);
    }

    @Test
    void servesItsOpenApiDocumentWithoutCredentials() throws Exception {
        JsonNode doc = expect(200, server.get("/api/v1/openapi.json", null));
        assertTrue(doc.get("openapi").asText().startsWith("3."));
        assertTrue(doc.get("paths").has("/api/v1/models/{name}/score"));
        assertTrue(doc.get("paths").has("/v2/models/{name}/infer"));
        assertEquals(new String(RestApiTest.class.getResourceAsStream("/io/merx/rest/internal/openapi.json")
                .readAllBytes(), StandardCharsets.UTF_8).length(), server.get("/api/v1/openapi.json", null).body()
                .length());
    }
}
