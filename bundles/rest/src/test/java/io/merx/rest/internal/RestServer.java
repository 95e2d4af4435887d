package io.merx.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.merx.api.runtime.JobState;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.TrainingJob;
import io.merx.api.runtime.TrainingRequest;
import io.merx.runtime.internal.TestRuntimes;
import io.merx.testkit.LinearTestKind;

/**
 * The REST servlets in an embedded Jetty on loopback, over the real runtime with the test kit's {@code test.house} kind, and users
 * checked by Karaf's own properties login module through JAAS, as in the distribution.
 */
final class RestServer implements AutoCloseable {

    static final String PASSWORD = "secret-pw";
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path dir;
    final ModelRuntime runtime;
    final RestCore core;
    private final Server jetty;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String base;

    RestServer(Path dir) throws Exception {
        this(dir, RestSettings.defaults(dir.resolve("datasets")));
    }

    RestServer(Path dir, RestSettings settings) throws Exception {
        this(dir, settings, true);
    }

    /** Without the kind, the runtime is as right after a restart: models stored, nothing loaded. */
    RestServer(Path dir, RestSettings settings, boolean bindKind) throws Exception {
        this.dir = dir;
        Files.createDirectories(dir.resolve("datasets"));
        Path users = dir.resolve("users.properties");
        Files.writeString(users, String.join("\n",
                "viewer = " + PASSWORD + ",merx-viewer",
                "scorer = " + PASSWORD + ",merx-scorer",
                "operator = " + PASSWORD + ",merx-operator",
                "admin = " + PASSWORD + ",merx-admin",
                "grouped = " + PASSWORD + ",_g_:ops",
                "_g_\\:ops = group,merx-operator",
                "nobody = " + PASSWORD + ",viewer", ""));
        installJaas(users);
        this.runtime = bindKind ? TestRuntimes.create(dir.resolve("store"), LinearTestKind.house())
                : TestRuntimes.createWithoutKinds(dir.resolve("store"));
        this.core = new RestCore(runtime, settings, dir.resolve("uploads"));
        this.jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new ManagementServlet(core)), "/api/v1/*");
        context.addServlet(new ServletHolder(new InferenceServlet(core)), "/v2/*");
        context.addServlet(new ServletHolder(new MetricsServlet(core)), "/metrics");
        jetty.setHandler(context);
        jetty.start();
        this.base = "http://127.0.0.1:" + connector.getLocalPort();
    }

    /** Realm karaf: Karaf's PropertiesLoginModule on a users file, the module the distribution uses. */
    private static void installJaas(Path users) {
        AppConfigurationEntry entry = new AppConfigurationEntry(
                "org.apache.karaf.jaas.modules.properties.PropertiesLoginModule",
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.of("users", users.toString()));
        Configuration.setConfiguration(new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return "karaf".equals(name) ? new AppConfigurationEntry[] {entry} : null;
            }
        });
    }

    /** Writes the training data y = slope * x1 - 2 * x2 + 1 into the dataset directory. */
    Path csv(String name, double slope) throws IOException {
        StringBuilder csv = new StringBuilder("x1,x2,y\n");
        for (int i = 0; i < 50; i++) {
            double x1 = (i % 10) / 10.0;
            double x2 = (i % 7) / 7.0;
            csv.append(x1).append(',').append(x2).append(',').append(slope * x1 - 2 * x2 + 1).append('\n');
        }
        Path file = dir.resolve("datasets").resolve(name);
        Files.writeString(file, csv);
        return file;
    }

    /** Trains a version through the Java API and waits; returns the version. */
    String train(String model, double slope, boolean activate, Map<String, String> parameters) throws Exception {
        TrainingJob job = runtime.train(TrainingRequest.builder(model, LinearTestKind.HOUSE,
                csv(model + "-" + slope + ".csv", slope)).parameters(parameters).activate(activate).build());
        assertTrue(job.await(Duration.ofSeconds(30)), "training finished");
        assertEquals(JobState.SUCCEEDED, job.state(), job.message());
        return job.resultVersion().orElseThrow();
    }

    static String auth(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> send(String method, String path, String user, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (user != null) {
            request.header("Authorization", auth(user));
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        return send("GET", path, user, null, null);
    }

    HttpResponse<String> post(String path, String user, String json) throws IOException, InterruptedException {
        return send("POST", path, user, "application/json", json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> put(String path, String user, String json) throws IOException, InterruptedException {
        return send("PUT", path, user, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> delete(String path, String user) throws IOException, InterruptedException {
        return send("DELETE", path, user, null, null);
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    /** Asserts the status and, for errors, the JSON error shape without a stack trace; returns the body. */
    static JsonNode expect(int status, HttpResponse<String> response) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        if (status >= 400) {
            assertError(response);
        }
        return response.body().isEmpty() ? null : json(response);
    }

    static JsonNode assertError(HttpResponse<String> response) throws IOException {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().toString());
        JsonNode body = json(response);
        assertTrue(body.hasNonNull("error"), response.body());
        assertTrue(body.has("field"), response.body());
        String text = response.body();
        assertTrue(!text.contains("\tat ") && !text.contains("Exception:") && !text.contains(".java:"),
                "no stack trace: " + text);
        return body;
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            core.close();
            TestRuntimes.close(runtime);
        }
    }
}
