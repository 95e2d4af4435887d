package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.merx.api.runtime.ModelRuntime;

/**
 * The REST API in the real distribution, over real HTTP on loopback: the first-start admin, scoring through the
 * demo model in both formats, errors, metrics with ND4J memory, and the shell's command ACL.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RestIT extends MerxTestSupport {

    @Override
    protected String bootFeatures() {
        return "merx-rest, merx-example-linear";
    }

    private static final String DEMO = "example-linear-demo";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RestClient rest = new RestClient(TIMEOUT_MS);

    @Test
    public void firstStartCreatesAnAdminWithARandomPasswordForTheOwnerOnly() throws Exception {
        Path passwordFile = awaitPasswordFile();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
        String password = Files.readString(passwordFile).trim();
        assertEquals(24, password.length());
        String users = Files.readString(Path.of(System.getProperty("karaf.etc"), "users.properties"));
        assertTrue(users, users.contains("merx-admin = {CRYPT}"));
        assertFalse("no clear password in users.properties", users.contains(password));
        assertEquals(401, send("GET", "/api/v1/models", "merx-admin:wrong", null).statusCode());
        assertEquals(200, send("GET", "/api/v1/models", admin(), null).statusCode());
    }

    @Test
    public void scoresTheDemoModelInTheMerxAndV2Formats() throws Exception {
        awaitDemo();
        HttpResponse<String> scored = send("POST", "/api/v1/models/" + DEMO + "/score", admin(),
                "{\"inputs\": {\"sqm\": 100, \"rooms\": 3, \"age\": 10}, \"key\": \"user-1\"}");
        assertEquals(scored.body(), 200, scored.statusCode());
        JsonNode body = JSON.readTree(scored.body());
        assertEquals(185.0, body.get("outputs").get("prediction").asDouble(), 5.0);
        assertEquals("live", body.get("route").asText());

        HttpResponse<String> inferred = send("POST", "/v2/models/" + DEMO + "/infer", admin(),
                "{\"inputs\": [{\"name\": \"sqm\", \"shape\": [2], \"datatype\": \"FP64\", \"data\": [100, 60]},"
                        + "{\"name\": \"rooms\", \"shape\": [2], \"datatype\": \"INT64\", \"data\": [3, 2]},"
                        + "{\"name\": \"age\", \"shape\": [2], \"datatype\": \"FP64\", \"data\": [10, 30]}]}");
        assertEquals(inferred.body(), 200, inferred.statusCode());
        JsonNode output = JSON.readTree(inferred.body()).get("outputs").get(0);
        assertEquals("prediction", output.get("name").asText());
        assertEquals(185.0, output.get("data").get(0).asDouble(), 5.0);

        assertEquals(200, send("GET", "/v2/health/ready", null, null).statusCode());
        JsonNode metadata = JSON.readTree(send("GET", "/v2/models/" + DEMO, admin(), null).body());
        assertEquals("merx:example.linear", metadata.get("platform").asText());
    }

    @Test
    public void refusesBadRequestsWithJsonErrors() throws Exception {
        awaitDemo();
        HttpResponse<String> noAuth = send("GET", "/api/v1/models", null, null);
        assertEquals(401, noAuth.statusCode());
        assertTrue(noAuth.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        for (String body : new String[] {"{\"inputs\": {", "{\"inputs\": {\"sqm\": \"big\", \"rooms\": 3, \"age\": 1}}",
            "{\"inputs\": {\"sqm\": 1e999, \"rooms\": 3, \"age\": 1}}", "[" .repeat(5000)}) {
            HttpResponse<String> response = send("POST", "/api/v1/models/" + DEMO + "/score", admin(), body);
            assertEquals(response.body(), 400, response.statusCode());
            JsonNode error = JSON.readTree(response.body());
            assertTrue(response.body(), error.hasNonNull("error"));
            assertFalse(response.body(), response.body().contains("Exception"));
        }
        assertEquals(404, send("POST", "/api/v1/models/nope/score", admin(), "{\"inputs\": {}}").statusCode());
        assertEquals(200, send("GET", "/v2/health/live", null, null).statusCode());
    }

    @Test
    public void refusesOutOfRangeValuesAndUnknownFields() throws Exception {
        awaitDemo();
        String rooms = "{\"name\": \"rooms\", \"shape\": [1], \"datatype\": \"UINT8\", \"data\": [%s]}";
        String others = "{\"name\": \"sqm\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [100]},"
                + "{\"name\": \"age\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [10]}";
        String infer = "/v2/models/" + DEMO + "/infer";
        HttpResponse<String> negative = send("POST", infer, admin(),
                "{\"inputs\": [" + String.format(rooms, "-7") + ", " + others + "]}");
        assertEquals(negative.body(), 400, negative.statusCode());
        JsonNode error = JSON.readTree(negative.body());
        assertEquals("rooms", error.get("field").asText());
        assertTrue(negative.body(), error.get("error").asText().contains("outside its range 0 to 255"));
        assertEquals(400, send("POST", infer, admin(),
                "{\"inputs\": [" + String.format(rooms, "256") + ", " + others + "]}").statusCode());
        assertEquals(200, send("POST", infer, admin(),
                "{\"inputs\": [" + String.format(rooms, "3") + ", " + others + "]}").statusCode());

        HttpResponse<String> unknown = send("POST", "/api/v1/models/" + DEMO + "/score", admin(),
                "{\"inputs\": {\"sqm\": 100, \"rooms\": 3, \"age\": 10}, \"priority\": \"high\"}");
        assertEquals(unknown.body(), 400, unknown.statusCode());
        assertEquals("priority", JSON.readTree(unknown.body()).get("field").asText());
        HttpResponse<String> misspelt = send("POST", "/api/v1/models/" + DEMO + "/score", admin(),
                "{\"instance\": [{\"sqm\": 100, \"rooms\": 3, \"age\": 10}]}");
        assertEquals(misspelt.body(), 400, misspelt.statusCode());
        assertTrue(misspelt.body(), misspelt.body().contains("unknown field 'instance'"));
        assertEquals(400, send("POST", infer, admin(), "{\"inputs\": [" + String.format(rooms, "3") + ", " + others
                + "], \"priority\": 1}").statusCode());
    }

    @Test
    public void exposesPrometheusMetricsWithNd4jMemory() throws Exception {
        awaitDemo();
        send("POST", "/api/v1/models/" + DEMO + "/score", admin(), "{\"inputs\": {\"sqm\": 80, \"rooms\": 2, \"age\": 5}}");
        HttpResponse<String> metrics = send("GET", "/metrics", admin(), null);
        assertEquals(200, metrics.statusCode());
        String text = metrics.body();
        assertTrue(text, text.contains("merx_http_requests_total{endpoint=\"score\",model=\"" + DEMO + "\""));
        assertTrue(text, text.contains("merx_http_request_duration_seconds_bucket"));
        assertTrue(text, text.contains("merx_nd4j_offheap_bytes "));
        assertTrue(text, text.contains("jvm_memory_used_bytes{area=\"heap\"}"));
    }

    @Test
    public void shellCommandsObeyTheSameRoles() throws Exception {
        awaitDemo();
        String list = executeAs("model:list", "merx-viewer");
        assertTrue(list, list.contains(DEMO));
        for (String role : new String[] {"merx-viewer", "merx-scorer"}) {
            try {
                String output = executeAs("model:train acl-test example.linear /no/such.csv", role);
                fail(role + " started training: " + output);
            } catch (Exception e) {
                // hidden (CommandNotFoundException) or refused (SecurityException), never run
                String what = e.getClass().getName() + ": " + e.getMessage();
                assertTrue(what, what.contains("CommandNotFound") || what.contains("Insufficient credentials"));
            }
        }
        try {
            executeAs("model:train acl-test example.linear /no/such.csv", "merx-operator");
            fail("no such dataset");
        } catch (Exception e) {
            assertTrue("an operator gets past the ACL to the command: " + e,
                    e.getMessage().contains("'/no/such.csv' is refused: a data set must name an existing file"));
        }
        String score = executeAs("model:score " + DEMO + " '{\"sqm\": 100, \"rooms\": 3, \"age\": 10}'", "merx-scorer");
        assertEquals(score, 185.0, new ObjectMapper().readTree(score.substring(score.indexOf('{'))).get("outputs")
                .get("prediction").asDouble(), 5.0);
    }

    private void awaitDemo() throws Exception {
        LiveModels.await(awaitService(ModelRuntime.class, null), DEMO);
    }

    private static Path awaitPasswordFile() throws InterruptedException {
        return RestClient.awaitPasswordFile(TIMEOUT_MS);
    }

    private String admin() throws Exception {
        return rest.admin();
    }

    private HttpResponse<String> send(String method, String path, String credentials, String json)
            throws Exception {
        return rest.send(method, path, credentials, json);
    }
}
