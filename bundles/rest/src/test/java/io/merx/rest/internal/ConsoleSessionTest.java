package io.merx.rest.internal;

import static io.merx.rest.internal.RestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The console's cookie sessions over real HTTP and JAAS: a form login opens an HttpOnly, SameSite=Strict session,
 * reads work with the cookie alone, changes need the CSRF token too, roles are checked as for Basic, and logging
 * out ends the session; and the per-minute traffic of a version.
 */
class ConsoleSessionTest {

    @TempDir
    static Path dir;
    static RestServer server;
    static String version;

    @BeforeAll
    static void start() throws Exception {
        server = new RestServer(dir);
        version = server.train("m", 3, true, Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A logged-in browser: its cookie and the token its page read. */
    private record Browser(String cookie, String csrf) {
    }

    private Browser login(String user) throws Exception {
        HttpResponse<String> answer = server.post("/api/v1/session", null,
                "{\"user\": \"" + user + "\", \"password\": \"" + RestServer.PASSWORD + "\"}");
        JsonNode body = expect(200, answer);
        String setCookie = answer.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict")
                && setCookie.contains("Path=/"), setCookie);
        assertFalse(answer.body().contains(RestServer.PASSWORD), "no password in the answer");
        assertEquals(user, body.get("user").asText());
        return new Browser(setCookie.substring(0, setCookie.indexOf(';')), body.get("csrfToken").asText());
    }

    private HttpResponse<String> send(String method, String path, Browser browser, String csrf, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.base + path))
                .timeout(Duration.ofSeconds(30)).header("Cookie", browser.cookie())
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (csrf != null) {
            request.header(Sessions.CSRF_HEADER, csrf);
        }
        return server.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anOperatorActsWithCookieAndTokenButNotWithTheCookieAlone() throws Exception {
        Browser operator = login("operator");
        JsonNode me = expect(200, send("GET", "/api/v1/session", operator, null, null));
        assertEquals(operator.csrf(), me.get("csrfToken").asText());
        assertTrue(me.get("operator").asBoolean());
        expect(200, send("GET", "/api/v1/models", operator, null, null));

        String activate = "{\"version\": \"" + version + "\"}";
        JsonNode refused = expect(403, send("POST", "/api/v1/models/m/activate", operator, null, activate));
        assertEquals(Sessions.CSRF_HEADER, refused.get("field").asText());
        expect(403, send("POST", "/api/v1/models/m/activate", operator, "forged", activate));
        expect(200, send("POST", "/api/v1/models/m/activate", operator, operator.csrf(), activate));
    }

    @Test
    void aViewerSessionIsRefusedActionsOnTheServer() throws Exception {
        Browser viewer = login("viewer");
        assertFalse(expect(200, send("GET", "/api/v1/session", viewer, null, null)).get("operator").asBoolean());
        JsonNode refused = expect(403, send("POST", "/api/v1/models/m/rollback", viewer, viewer.csrf(), null));
        assertTrue(refused.get("error").asText().contains("merx-operator"), refused.toString());
    }

    @Test
    void wrongPasswordsAndFormPostsOpenNoSession() throws Exception {
        HttpResponse<String> wrong = server.post("/api/v1/session", null,
                "{\"user\": \"operator\", \"password\": \"guess\"}");
        expect(401, wrong);
        assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty());
        // what a cross-site HTML form can send
        expect(415, server.send("POST", "/api/v1/session", null, "application/x-www-form-urlencoded",
                "user=operator&password=secret-pw".getBytes()));
        JsonNode missing = expect(400, server.post("/api/v1/session", null, "{\"user\": \"operator\"}"));
        assertEquals("password", missing.get("field").asText());
        HttpResponse<String> madeUp = send("GET", "/api/v1/models", new Browser("MERX_SESSION=made-up", null), null,
                null);
        expect(401, madeUp);
        assertTrue(madeUp.headers().firstValue("WWW-Authenticate").isPresent(), "curl is told to use Basic");
        HttpResponse<String> script = server.client.send(HttpRequest.newBuilder(URI.create(server.base
                + "/api/v1/session")).header("X-Requested-With", "merx-console").build(),
                HttpResponse.BodyHandlers.ofString());
        expect(401, script);
        assertTrue(script.headers().firstValue("WWW-Authenticate").isEmpty(), "no browser prompt over the form");
    }

    @Test
    void loggingOutEndsTheSession() throws Exception {
        Browser viewer = login("viewer");
        expect(403, send("DELETE", "/api/v1/session", viewer, null, null));
        HttpResponse<String> out = send("DELETE", "/api/v1/session", viewer, viewer.csrf(), null);
        expect(200, out);
        assertTrue(out.headers().firstValue("Set-Cookie").orElseThrow().contains("Max-Age=0"));
        expect(401, send("GET", "/api/v1/models", viewer, null, null));
    }

    @Test
    void aVersionsTrafficShowsItsScoringRequests() throws Exception {
        for (int i = 0; i < 3; i++) {
            expect(200, server.post("/api/v1/models/m/score", "admin", "{\"inputs\": {\"x1\": 0.5, \"x2\": 0.2}}"));
        }
        expect(400, server.post("/api/v1/models/m/score", "admin", "{\"inputs\": {\"x1\": \"a\"}}"));
        JsonNode traffic = expect(200, server.get("/api/v1/models/m/versions/live/traffic", "viewer"));
        JsonNode points = traffic.get("points");
        assertEquals(TrafficSeries.MINUTES, points.size());
        long requests = 0;
        long errors = 0;
        for (JsonNode point : points) {
            requests += point.get("requests").asLong();
            errors += point.get("modelErrors").asLong();
        }
        assertTrue(requests >= 3, traffic.toString());
        assertTrue(errors >= 1, traffic.toString());
        assertTrue(points.get(points.size() - 1).get("p99Millis").isNumber()
                || points.get(points.size() - 2).get("p99Millis").isNumber(), traffic.toString());
        expect(404, server.get("/api/v1/models/m/versions/99/traffic", "viewer"));
    }
}
