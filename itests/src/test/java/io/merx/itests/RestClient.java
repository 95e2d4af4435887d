package io.merx.itests;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Properties;

/**
 * HTTP on loopback to the container's REST API, as a client outside it would call it: the port from the
 * distribution's Pax Web configuration, the first-start admin's password from its file.
 */
final class RestClient {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final long timeoutMillis;

    RestClient(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    static Path awaitPasswordFile(long timeoutMillis) throws InterruptedException {
        Path file = Path.of(System.getProperty("karaf.data"), "merx", "initial-admin-password");
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!Files.isRegularFile(file) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertTrue("no " + file, Files.isRegularFile(file));
        return file;
    }

    /** {@code merx-admin:<password>}, once the first start has written the password. */
    String admin() throws Exception {
        return "merx-admin:" + Files.readString(awaitPasswordFile(timeoutMillis)).trim();
    }

    static String base() throws IOException {
        Properties web = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(System.getProperty("karaf.etc"), "org.ops4j.pax.web.cfg"))) {
            web.load(in);
        }
        return "http://127.0.0.1:" + web.getProperty("org.osgi.service.http.port", "8181").trim();
    }

    /** Sends a request, retrying while the HTTP service and the servlets come up. */
    HttpResponse<String> send(String method, String path, String credentials, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 404 || response.body().startsWith("{")
                        || System.currentTimeMillis() > deadline) {
                    return response;
                }
            } catch (IOException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
            }
            Thread.sleep(250);
        }
    }
}
