package io.merx.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's files over real HTTP, mapped as the whiteboard maps them: the page and its scripts with their
 * types, uPlot from the WebJar, the security headers on every answer, and nothing else of the bundle reachable.
 */
class ConsoleServletTest {

    private static Server jetty;
    private static String base;
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder holder = new ServletHolder(new ConsoleServlet());
        context.addServlet(holder, "/merx");
        context.addServlet(holder, "/merx/*");
        jetty.setHandler(context);
        jetty.start();
        base = "http://127.0.0.1:" + connector.getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.stop();
    }

    private static HttpResponse<String> send(String method, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).method(method,
                HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertSecured(HttpResponse<String> response) {
        assertEquals(ConsoleServlet.CONTENT_SECURITY_POLICY,
                response.headers().firstValue("Content-Security-Policy").orElse(null), response.uri().toString());
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null));
        String csp = ConsoleServlet.CONTENT_SECURITY_POLICY;
        assertTrue(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval") && csp.contains("default-src 'none'"));
    }

    @Test
    void servesThePageItsModulesAndTheChartLibrary() throws Exception {
        HttpResponse<String> page = send("GET", "/merx/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("<script type=\"module\" src=\"app.js\">"), page.body());
        assertSecured(page);
        for (String module : new String[] {"app.js", "api.js", "dom.js", "charts.js", "pages/models.js",
            "pages/forecast.js", "lib/uPlot.esm.js"}) {
            HttpResponse<String> js = send("GET", "/merx/" + module);
            assertEquals(200, js.statusCode(), module);
            assertTrue(js.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"), module);
            assertSecured(js);
        }
        assertTrue(send("GET", "/merx/lib/uPlot.esm.js").body().contains("export"), "uPlot's ES module");
        assertEquals(200, send("GET", "/merx/lib/uPlot.min.css").statusCode());
        assertTrue(send("GET", "/merx/lib/LICENSE-uPlot.txt").body().contains("MIT"));
    }

    @Test
    void theBarePathRedirectsSoRelativeUrlsWork() throws Exception {
        HttpResponse<String> bare = send("GET", "/merx");
        assertEquals(302, bare.statusCode());
        assertTrue(bare.headers().firstValue("Location").orElse("").endsWith("/merx/"));
        assertSecured(bare);
    }

    @Test
    void nothingElseOfTheBundleIsReachable() throws Exception {
        for (String path : new String[] {"/merx/io/merx/console/internal/ConsoleServlet.class", "/merx/nothing.js",
            "/merx/a/b/c.js", "/merx/webjars.properties", "/merx/lib/uPlot.cjs.js"}) {
            HttpResponse<String> answer = send("GET", path);
            assertEquals(404, answer.statusCode(), path);
            assertSecured(answer);
        }
        // refused by the container or by the servlet, never served
        for (String path : new String[] {"/merx/../console/index.html", "/merx/%2e%2e/META-INF/MANIFEST.MF",
            "/merx/index.html%00.js", "/merx/lib/..%2fapp.js"}) {
            int status = send("GET", path).statusCode();
            assertTrue(status == 404 || status == 400, path + " " + status);
        }
    }

    @Test
    void changesAreNotAcceptedHere() throws Exception {
        HttpResponse<String> post = send("POST", "/merx/");
        assertEquals(405, post.statusCode());
        assertSecured(post);
    }
}
