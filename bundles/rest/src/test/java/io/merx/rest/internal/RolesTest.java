package io.merx.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every endpoint as every kind of user: allowed roles get through (endpoints that change state are only called
 * as denied users, their success is covered in {@link RestApiTest}), others get 403, no credentials 401.
 */
class RolesTest {

    private static final List<String> USERS = List.of("viewer", "scorer", "operator", "admin", "grouped", "nobody");
    private static final Set<String> READERS = Set.of("viewer", "operator", "admin", "grouped");
    private static final Set<String> SCORERS = Set.of("scorer", "admin");
    private static final Set<String> OPERATORS = Set.of("operator", "admin", "grouped");
    private static final Set<String> METADATA = Set.of("viewer", "scorer", "operator", "admin", "grouped");
    private static final Set<String> ADMINS = Set.of("admin");
    private static final String INPUTS = "{\"inputs\": {\"x1\": 0.5, \"x2\": 0.2}}";
    private static final String V2 = "{\"inputs\": [{\"name\": \"x1\", \"shape\": [1], \"datatype\": \"FP64\","
            + " \"data\": [0.5]}, {\"name\": \"x2\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [0.2]}]}";

    /** An endpoint, who may call it, and whether calling it as an allowed user changes state. */
    private record Endpoint(String method, String path, String type, String body, Set<String> allowed,
            boolean changes) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v1/kinds", null, null, READERS, false),
            new Endpoint("GET", "/api/v1/models", null, null, READERS, false),
            new Endpoint("GET", "/api/v1/models/m", null, null, READERS, false),
            new Endpoint("GET", "/api/v1/models/m/versions", null, null, READERS, false),
            new Endpoint("GET", "/api/v1/models/m/versions/1", null, null, READERS, false),
            new Endpoint("GET", "/api/v1/models/m/job", null, null, READERS, false),
            new Endpoint("GET", "/api/v1/jobs", null, null, READERS, false),
            new Endpoint("GET", "/api/v1/models/m/shadow", null, null, READERS, false),
            new Endpoint("GET", "/metrics", null, null, READERS, false),
            new Endpoint("POST", "/api/v1/models/m/score", "application/json", INPUTS, SCORERS, false),
            new Endpoint("POST", "/v2/models/m/infer", "application/json", V2, SCORERS, false),
            new Endpoint("POST", "/v2/models/m/versions/1/infer", "application/json", V2, SCORERS, false),
            new Endpoint("GET", "/v2/models/m", null, null, METADATA, false),
            new Endpoint("GET", "/v2/models/m/ready", null, null, METADATA, false),
            new Endpoint("GET", "/v2/models/m/versions/1", null, null, METADATA, false),
            new Endpoint("GET", "/v2/models/m/versions/1/ready", null, null, METADATA, false),
            new Endpoint("GET", "/api/v1/models/m/versions/1/export", null, null, OPERATORS, false),
            new Endpoint("POST", "/api/v1/models/m/activate", "application/json", "{\"version\": \"1\"}", OPERATORS,
                    false),
            new Endpoint("PUT", "/api/v1/models/m/aliases/staging", "application/json", "{\"version\": \"1\"}",
                    OPERATORS, false),
            new Endpoint("POST", "/api/v1/models/m/rollback", null, null, OPERATORS, true),
            new Endpoint("DELETE", "/api/v1/models/m/aliases/staging", null, null, OPERATORS, true),
            new Endpoint("PUT", "/api/v1/models/m/canary", "application/json", "{\"version\": \"1\", \"percent\": 5}",
                    OPERATORS, true),
            new Endpoint("DELETE", "/api/v1/models/m/canary", null, null, OPERATORS, true),
            new Endpoint("PUT", "/api/v1/models/m/shadow", "application/json", "{\"version\": \"1\"}", OPERATORS,
                    true),
            new Endpoint("DELETE", "/api/v1/models/m/shadow", null, null, OPERATORS, true),
            new Endpoint("POST", "/api/v1/models/m/train", "application/json",
                    "{\"kind\": \"test.house\", \"dataset\": \"m.csv\"}", OPERATORS, true),
            new Endpoint("DELETE", "/api/v1/models/m/job", null, null, OPERATORS, true),
            new Endpoint("POST", "/api/v1/models/import", "application/zip", "PK", OPERATORS, true),
            new Endpoint("DELETE", "/api/v1/models/m/versions/1", null, null, ADMINS, true));

    @TempDir
    static Path dir;
    static RestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new RestServer(dir);
        server.train("m", 3, true, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void everyEndpointAdmitsItsRolesAndRefusesOthers() throws Exception {
        for (Endpoint e : ENDPOINTS) {
            for (String user : USERS) {
                boolean allowed = e.allowed().contains(user);
                if (allowed && e.changes()) {
                    continue;
                }
                HttpResponse<String> response = call(e, user);
                String what = e.method() + " " + e.path() + " as " + user + ": " + response.body();
                if (allowed) {
                    assertNotEquals(401, response.statusCode(), what);
                    assertNotEquals(403, response.statusCode(), what);
                    assertTrue(response.statusCode() < 300, what);
                } else {
                    assertEquals(403, response.statusCode(), what);
                    assertTrue(RestServer.assertError(response).get("error").asText().contains("lacks role"), what);
                }
            }
        }
    }

    @Test
    void everyProtectedEndpointWantsCredentials() throws Exception {
        for (Endpoint e : ENDPOINTS) {
            HttpResponse<String> response = call(e, null);
            assertEquals(401, response.statusCode(), e.path());
            assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), e.path());
            RestServer.assertError(response);
        }
    }

    @Test
    void wrongPasswordsAndMalformedHeadersAre401() throws Exception {
        for (String header : List.of("Basic " + java.util.Base64.getEncoder().encodeToString(
                "admin:wrong".getBytes(StandardCharsets.UTF_8)), "Basic !!!", "Bearer abc",
                "Basic " + java.util.Base64.getEncoder().encodeToString("nocolon".getBytes(StandardCharsets.UTF_8)),
                "Basic " + java.util.Base64.getEncoder().encodeToString("ghost:x".getBytes(StandardCharsets.UTF_8)))) {
            HttpResponse<String> response = server.client.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(server.base + "/api/v1/models")).header("Authorization", header).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, response.statusCode(), header);
            RestServer.assertError(response);
        }
    }

    @Test
    void healthAndOpenApiArePublic() throws Exception {
        for (String path : List.of("/v2", "/v2/health/live", "/v2/health/ready", "/api/v1/openapi.json")) {
            assertEquals(200, server.get(path, null).statusCode(), path);
        }
    }

    private static HttpResponse<String> call(Endpoint e, String user) throws Exception {
        return server.send(e.method(), e.path(), user, e.type(),
                e.body() == null ? null : e.body().getBytes(StandardCharsets.UTF_8));
    }
}
