package io.merx.rest.internal;

import static io.merx.rest.internal.RestServer.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an attacker or a broken client sends: every answer is a 4xx with a JSON error naming the problem, never a
 * 500 or a stack trace, and the server keeps serving.
 */
class HostileInputTest {

    private static final String SCORE = "/api/v1/models/house/score";
    private static final String INFER = "/v2/models/house/infer";

    @TempDir
    static Path dir;
    static RestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new RestServer(dir);
        server.train("house", 3, true, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @AfterEach
    void stillServing() throws Exception {
        assertEquals(200, server.post(SCORE, "scorer", "{\"inputs\": {\"x1\": 1, \"x2\": 1}}").statusCode());
    }

    private static JsonNode rejected(int status, HttpResponse<String> response, String expectedText)
            throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode error = assertError(response);
        assertTrue(error.get("error").asText().contains(expectedText), response.body());
        return error;
    }

    private static HttpResponse<String> score(String body) throws Exception {
        return server.post(SCORE, "scorer", body);
    }

    @Test
    void malformedJson() throws Exception {
        rejected(400, score("{\"inputs\": {"), "malformed JSON");
        rejected(400, score("{\"inputs\": {\"x1\": 1, \"x2\": 2}} trailing"), "malformed JSON");
        rejected(400, score("{'inputs': {}}"), "malformed JSON");
        rejected(400, score("\u0000\u0001"), "JSON");
        rejected(400, score(""), "empty");
        rejected(400, score("[1, 2]"), "must be a JSON object");
        rejected(400, score("{\"inputs\": {\"x1\": 1, \"x1\": 2, \"x2\": 0}}"), "Duplicate field");
    }

    @Test
    void wrongTypesAndMissingFields() throws Exception {
        assertEquals("x1", rejected(400, score("{\"inputs\": {\"x1\": \"abc\", \"x2\": 1}}"), "x1").get("field")
                .asText());
        assertEquals("x2", rejected(400, score("{\"inputs\": {\"x1\": 1}}"), "missing").get("field").asText());
        rejected(400, score("{\"inputs\": {\"x1\": 1, \"x2\": 1, \"x3\": 1}}"), "unknown field 'x3'");
        assertEquals("x1", rejected(400, score("{\"inputs\": {\"x1\": [1], \"x2\": 1}}"), "x1").get("field").asText());
        assertEquals("x1", rejected(400, score("{\"inputs\": {\"x1\": {\"a\": 1}, \"x2\": 1}}"), "x1").get("field")
                .asText());
        assertEquals("x1", rejected(400, score("{\"inputs\": {\"x1\": null, \"x2\": 1}}"), "x1").get("field")
                .asText());
        assertEquals("inputs", rejected(400, score("{\"inputs\": [1, 2]}"), "inputs").get("field").asText());
        rejected(400, score("{}"), "either 'inputs'");
        rejected(400, score("{\"inputs\": {}, \"instances\": []}"), "either 'inputs'");
        assertEquals("instances", rejected(400, score("{\"instances\": {\"x1\": 1}}"), "array").get("field")
                .asText());
        rejected(400, score("{\"instances\": [{\"x1\": 1, \"x2\": 1}, 7]}"), "instances[1]");
        assertEquals("key", rejected(400, score("{\"inputs\": {\"x1\": 1, \"x2\": 1}, \"key\": {}}"), "key")
                .get("field").asText());
        rejected(415, server.send("POST", SCORE, "scorer", "text/plain",
                "{\"inputs\": {}}".getBytes(StandardCharsets.UTF_8)), "content type");
    }

    @Test
    void nanInfinityAndHugeNumbers() throws Exception {
        rejected(400, score("{\"inputs\": {\"x1\": NaN, \"x2\": 1}}"), "malformed JSON");
        rejected(400, score("{\"inputs\": {\"x1\": Infinity, \"x2\": 1}}"), "malformed JSON");
        rejected(400, score("{\"inputs\": {\"x1\": -Infinity, \"x2\": 1}}"), "malformed JSON");
        assertEquals("x1", rejected(400, score("{\"inputs\": {\"x1\": 1e400, \"x2\": 1}}"), "too large")
                .get("field").asText());
        rejected(400, score("{\"inputs\": {\"x1\": 1" + "0".repeat(500) + ", \"x2\": 1}}"), "limit");
        rejected(400, score("{\"inputs\": {\"x1\": \"NaN\", \"x2\": 1}}"), "x1");
        HttpResponse<String> big = score("{\"inputs\": {\"x1\": 1e308, \"x2\": -1e308}}");
        assertTrue(big.statusCode() == 200 || big.statusCode() == 422, big.body());
        if (big.statusCode() == 422) {
            assertError(big);
        }
    }

    @Test
    void oversizedBodiesAndBatches() throws Exception {
        byte[] tenMegabytes = ("{\"inputs\": {\"x1\": \"" + "a".repeat(10 << 20) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> declared = server.send("POST", SCORE, "scorer", "application/json", tenMegabytes);
        rejected(413, declared, "exceeds");
        HttpResponse<String> chunked = server.client.send(HttpRequest.newBuilder(URI.create(server.base + SCORE))
                .header("Authorization", RestServer.auth("scorer")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tenMegabytes)))
                .build(), HttpResponse.BodyHandlers.ofString());
        rejected(413, chunked, "exceeds");
        // The unread rest of the body ends the connection, and the answers say so: a client that reused it for the
        // next request would get no answer at all (the JDK client: "header parser received no bytes").
        for (HttpResponse<String> tooLarge : List.of(declared, chunked)) {
            assertEquals("close", tooLarge.headers().firstValue("Connection").orElse("(none)"),
                    tooLarge.headers().map().toString());
        }
        // A body without a Content-Length (chunked) of an allowed size is read and scored like any other.
        byte[] small = "{\"inputs\": {\"x1\": 1, \"x2\": 1}}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> streamed = server.client.send(HttpRequest.newBuilder(URI.create(server.base + SCORE))
                .header("Authorization", RestServer.auth("scorer")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(small)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, streamed.statusCode(), streamed.body());

        StringBuilder batch = new StringBuilder("{\"instances\": [");
        for (int i = 0; i <= 1000; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"x1\": 1, \"x2\": 1}");
        }
        assertEquals("instances", rejected(413, score(batch + "]}"), "limit of 1000").get("field").asText());
    }

    @Test
    void deepNesting() throws Exception {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        rejected(400, score("{\"inputs\": {\"x1\": " + deep + ", \"x2\": 1}}"), "nesting depth");
        rejected(400, server.post(INFER, "scorer", "{\"inputs\": " + deep + "}"), "nesting depth");
    }

    @Test
    void unknownModelsVersionsAndTraversal() throws Exception {
        rejected(404, server.post("/api/v1/models/nope/score", "scorer", "{\"inputs\": {}}"), "nope");
        // scoring and management alike: ModelNotFoundException is no longer a ScoringException (API 1.1)
        rejected(404, server.post("/api/v1/models/nope/score", "scorer",
                "{\"instances\": [{\"x1\": 1, \"x2\": 1}, {\"x1\": 2, \"x2\": 1}]}"), "nope");
        rejected(404, server.get("/api/v1/models/nope/versions/1", "viewer"), "nope");
        rejected(404, server.post("/api/v1/models/nope/rollback", "operator", ""), "nope");
        rejected(404, server.post(SCORE + "?version=99", "scorer", "{\"inputs\": {\"x1\": 1, \"x2\": 1}}"), "99");
        rejected(404, server.post(SCORE + "?version=nosuchalias", "scorer", "{\"inputs\": {\"x1\": 1, \"x2\": 1}}"),
                "nosuchalias");
        assertEquals("version", rejected(400, server.post(SCORE + "?version=..%2F..%2Fetc", "scorer",
                "{\"inputs\": {}}"), "invalid version").get("field").asText());
        // Jetty decodes %2F before routing and refuses %00 itself, so these never reach Merx: the container
        // answers 4xx on its own.
        for (String name : new String[] {"..%2F..%2Fetc%2Fpasswd", "a%00b"}) {
            HttpResponse<String> decoded = server.post("/api/v1/models/" + name + "/score", "scorer", "{}");
            assertTrue(decoded.statusCode() >= 400 && decoded.statusCode() < 500, decoded.body());
            assertTrue(!decoded.body().contains("\tat ") && !decoded.body().contains(".java:"), decoded.body());
        }
        for (String name : new String[] {"%2e%2e", "UPPER", "x".repeat(65),
            "%C3%A9t%C3%A9", "registry.json"}) {
            HttpResponse<String> response = server.post("/api/v1/models/" + name + "/score", "scorer",
                    "{\"inputs\": {}}");
            assertTrue(response.statusCode() == 400 || response.statusCode() == 404, name + ": " + response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), name);
            JsonNode error = assertError(response);
            assertTrue(error.get("error").asText().contains("model"), response.body());
        }
        rejected(400, server.get("/api/v1/models/%2e%2e/versions", "viewer"), "invalid model name");
        rejected(400, server.get("/api/v1/models/house/versions/%2e%2e%2f1", "viewer"), "invalid version");
        rejected(404, server.get("/api/v1/nothing/here", "viewer"), "no such endpoint");
        rejected(405, server.get(SCORE, "scorer"), "not allowed");
        rejected(400, server.post("/api/v1/models/house/train", "operator",
                "{\"kind\": \"test.house\", \"dataset\": \"../../../etc/passwd\"}"), "dataset directories");
        JsonNode outside = rejected(400, server.post("/api/v1/models/house/train", "operator",
                "{\"kind\": \"test.house\", \"dataset\": \"/etc/passwd\"}"), "dataset directories");
        assertTrue(!outside.toString().contains(dir.toString()), "names no server directory: " + outside);
        rejected(400, server.send("POST", "/api/v1/models/import?name=..%2Fx", "operator", "application/zip",
                new byte[] {1}), "invalid model name");
    }

    @Test
    void badDeploymentAndTrainingRequests() throws Exception {
        String canary = "/api/v1/models/house/canary";
        assertEquals("percent", rejected(400, server.put(canary, "operator", "{\"version\": \"1\", \"percent\": 200}"),
                "percent").get("field").asText());
        rejected(400, server.put(canary, "operator", "{\"version\": \"1\", \"percent\": \"ten\"}"), "percent");
        rejected(400, server.put(canary, "operator", "{\"version\": \"1\", \"percent\": 0}"), "percent");
        rejected(400, server.put(canary, "operator", "{\"version\": \"1\", \"percent\": NaN}"), "malformed");
        assertEquals("version", rejected(400, server.put(canary, "operator", "{\"percent\": 5}"), "version")
                .get("field").asText());
        rejected(404, server.post("/api/v1/models/house/activate", "operator", "{\"version\": \"42\"}"), "42");
        rejected(400, server.post("/api/v1/models/house/activate", "operator", "{\"version\": true}"), "version");
        rejected(404, server.post("/api/v1/models/ghost/rollback", "operator", null), "ghost");
        rejected(400, server.put("/api/v1/models/house/aliases/Bad!", "operator", "{\"version\": \"1\"}"), "alias");

        server.csv("ok.csv", 2);
        assertEquals("epochs", rejected(400, server.post("/api/v1/models/house/train", "operator",
                "{\"kind\": \"test.house\", \"dataset\": \"ok.csv\", \"parameters\": {\"epochs\": -5}}"), "epochs")
                .get("field").asText());
        rejected(400, server.post("/api/v1/models/house/train", "operator",
                "{\"kind\": \"no.such.kind\", \"dataset\": \"ok.csv\"}"), "no.such.kind");
        rejected(400, server.post("/api/v1/models/house/train", "operator", "{\"kind\": \"test.house\"}"),
                "dataset");
        rejected(400, server.send("POST", "/api/v1/models/house/train", "operator", "text/csv",
                "x,y\n1,2\n".getBytes(StandardCharsets.UTF_8)), "kind");
        rejected(415, server.send("POST", "/api/v1/models/house/train", "operator", "application/xml",
                "<a/>".getBytes(StandardCharsets.UTF_8)), "content type");
        rejected(422, server.send("POST", "/api/v1/models/import", "operator", "application/zip",
                "not a zip at all".getBytes(StandardCharsets.UTF_8)), "cannot import");
    }

    @Test
    void hostileInferenceRequests() throws Exception {
        String x2 = "{\"name\": \"x2\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [1]}";
        rejected(400, server.post(INFER, "scorer", "{}"), "inputs");
        rejected(400, server.post(INFER, "scorer", "{\"inputs\": []}"), "inputs");
        rejected(400, server.post(INFER, "scorer", "{\"inputs\": [7]}"), "tensor");
        assertEquals("x1", rejected(400, server.post(INFER, "scorer", "{\"inputs\": [{\"name\": \"x1\", \"shape\":"
                + " [2], \"datatype\": \"FP64\", \"data\": [1]}, " + x2 + "]}"), "values").get("field").asText());
        rejected(400, server.post(INFER, "scorer", "{\"inputs\": [{\"name\": \"x1\", \"shape\": [1], \"datatype\":"
                + " \"FP64\", \"data\": [\"a\"]}, " + x2 + "]}"), "FP64");
        rejected(400, server.post(INFER, "scorer", "{\"inputs\": [{\"name\": \"x1\", \"shape\": [1], \"datatype\":"
                + " \"COMPLEX\", \"data\": [1]}, " + x2 + "]}"), "datatype");
        rejected(400, server.post(INFER, "scorer", "{\"inputs\": [{\"name\": \"x1\", \"shape\": [-1], \"datatype\":"
                + " \"FP64\", \"data\": [1]}, " + x2 + "]}"), "shape");
        rejected(400, server.post(INFER, "scorer", "{\"inputs\": [{\"name\": \"x1\", \"shape\": [2], \"datatype\":"
                + " \"FP64\", \"data\": [1, 2]}, " + x2 + "]}"), "rows");
        rejected(413, server.post(INFER, "scorer", "{\"inputs\": [{\"name\": \"x1\", \"shape\": [1000000000000],"
                + " \"datatype\": \"FP64\", \"data\": [1]}]}"), "");
        rejected(400, server.post(INFER, "scorer", "{\"inputs\": [{\"name\": \"x1\", \"shape\": [1], \"datatype\":"
                + " \"FP64\", \"data\": [1]}, " + x2 + "], \"outputs\": [{\"name\": \"nope\"}]}"), "unknown output");
        rejected(400, server.post(INFER, "scorer", "{\"inputs\": [" + x2 + ", " + x2 + "]}"), "twice");
        rejected(400, server.post(INFER, "scorer", "{\"inputs\": [{\"name\": \"x1\", \"shape\": [1], \"datatype\":"
                + " \"INT64\", \"data\": [1.5]}, " + x2 + "]}"), "INT64");
    }

    private static HttpResponse<String> infer(String datatype, String value) throws Exception {
        return server.post(INFER, "scorer", "{\"inputs\": [{\"name\": \"x1\", \"shape\": [1], \"datatype\": \""
                + datatype + "\", \"data\": [" + value + "]}, {\"name\": \"x2\", \"shape\": [1], \"datatype\":"
                + " \"FP64\", \"data\": [1]}]}");
    }

    @Test
    void valuesOutsideTheirDatatypesRange() throws Exception {
        assertEquals("x1", rejected(400, infer("UINT8", "-7"), "holds number -7, outside its range 0 to 255")
                .get("field").asText());
        rejected(400, infer("UINT8", "256"), "outside its range 0 to 255");
        rejected(400, infer("INT8", "128"), "outside its range -128 to 127");
        rejected(400, infer("UINT16", "65536"), "UINT16");
        rejected(400, infer("INT16", "-32769"), "INT16");
        rejected(400, infer("UINT32", "4294967296"), "UINT32");
        rejected(400, infer("INT32", "2147483648"), "INT32");
        rejected(400, infer("UINT64", "-1"), "UINT64");
        rejected(400, infer("UINT64", "18446744073709551616"), "UINT64");
        rejected(400, infer("INT64", "9223372036854775808"), "INT64");
        rejected(400, infer("FP16", "70000"), "FP16");
        rejected(400, infer("FP32", "1e39"), "FP32");
        for (String[] valid : new String[][] {{"UINT8", "0"}, {"UINT8", "255"}, {"INT8", "-128"}, {"FP16", "65504"},
            {"UINT64", "18446744073709551615"}}) {
            assertEquals(200, infer(valid[0], valid[1]).statusCode(), valid[0] + " " + valid[1]);
        }
    }

    @Test
    void unknownFieldsInScoringBodies() throws Exception {
        assertEquals("extra", rejected(400, score("{\"inputs\": {\"x1\": 1, \"x2\": 1}, \"extra\": 1}"),
                "unknown field 'extra' in a score body").get("field").asText());
        rejected(400, score("{\"instance\": [{\"x1\": 1, \"x2\": 1}]}"), "unknown field 'instance'");
        String tensors = "[{\"name\": \"x1\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [1]},"
                + " {\"name\": \"x2\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [1]}]";
        rejected(400, server.post(INFER, "scorer", "{\"inputs\": " + tensors + ", \"foo\": 1}"),
                "unknown field 'foo' in an inference request");
        rejected(400, server.post(INFER, "scorer", "{\"inputs\": [{\"name\": \"x1\", \"shape\": [1], \"dtype\":"
                + " \"FP64\", \"datatype\": \"FP64\", \"data\": [1]}]}"), "unknown field 'dtype' in input tensor 'x1'");
        assertEquals(200, server.post(INFER, "scorer", "{\"id\": \"1\", \"parameters\": {\"key\": \"u\"},"
                + " \"inputs\": " + tensors + ", \"outputs\": [{\"name\": \"prediction\"}]}").statusCode());
    }
}
