package io.merx.itests.cluster;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One real Merx distribution, unpacked into its own folder and run as its own process ({@code bin/karaf server}),
 * as an operator runs a node: its own ports ({@link NodePorts}), configuration files dropped into {@code etc/}
 * before start, stdout in {@code karaf-stdout.log} next to {@code data/log/karaf.log}. Offline: its only Maven
 * repository is the build's local one.
 *
 * <pre>{@code
 * KarafNode node = KarafNode.create(Distribution.current(), Path.of("target/cluster/a"), "a")
 *         .bootFeatures("merx-rest", "merx-example-linear")
 *         .configure("io.merx.runtime", Map.of("demoModels", "false"));
 * node.start();
 * node.awaitReady(Duration.ofMinutes(4));
 * node.send("GET", "/api/v1/models", null);
 * node.kill();   // kill -9 of the JVM
 * node.start();  // same folder, same ports, same data
 * node.stop();   // bin/stop, as an operator would
 * }</pre>
 */
public final class KarafNode implements AutoCloseable {

    /**
     * Heap per node: three nodes, the test JVM and PostgreSQL fit the CI machine with room to spare. ND4J's buffers
     * live off-heap, capped by JavaCPP at the heap size (maxbytes), which the demo models need only a few MB of.
     */
    public static final String HEAP = "512M";

    /** Karaf's own boot features, as the distribution lists them (without their versions, which it resolves). */
    private static final List<String> KARAF_BOOT = List.of("instance", "package", "scr", "log", "ssh", "framework",
            "system", "feature", "shell", "management", "service", "jaas", "deployer", "diagnostic", "wrap", "bundle",
            "config", "kar");

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

    private final String name;
    private final Path home;
    private final NodePorts ports;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile Process process;
    private volatile String credentials;

    private KarafNode(String name, Path home, NodePorts ports) {
        this.name = name;
        this.home = home;
        this.ports = ports;
    }

    /** Unpacks a fresh distribution into {@code home} and gives it free ports; the node is not started. */
    public static KarafNode create(Distribution distribution, Path home, String name)
            throws IOException, InterruptedException {
        Path absolute = home.toAbsolutePath();
        distribution.unpackInto(absolute);
        KarafNode node = new KarafNode(name, absolute, NodePorts.free());
        node.writePortsAndRepository();
        return node;
    }

    private void writePortsAndRepository() throws IOException {
        set("org.ops4j.pax.web.cfg", Map.of("org.osgi.service.http.port", Integer.toString(ports.http())));
        set("org.apache.karaf.shell.cfg", Map.of("sshPort", Integer.toString(ports.ssh())));
        set("org.apache.karaf.management.cfg", Map.of(
                "rmiRegistryPort", Integer.toString(ports.rmiRegistry()),
                "rmiServerPort", Integer.toString(ports.rmiServer()),
                "jmxmpPort", Integer.toString(ports.jmxmp())));
        // Offline, as in the other itests: the distribution's system/ folder, then the build's local repository
        // (for features that are not in system/), never a remote one.
        String localRepository = System.getProperty("maven.repo.local",
                System.getProperty("user.home") + "/.m2/repository");
        set("org.ops4j.pax.url.mvn.cfg", Map.of(
                "org.ops4j.pax.url.mvn.repositories", "",
                "org.ops4j.pax.url.mvn.localRepository", localRepository));
    }

    /**
     * Boots Karaf's own features and these Merx features instead of the distribution's all-in {@code merx}: a
     * serving node needs REST and its model kinds, not NLP or the embedded Neo4j, and three of them must share
     * two cores.
     */
    public KarafNode bootFeatures(String... merxFeatures) throws IOException {
        List<String> boot = new ArrayList<>(KARAF_BOOT);
        boot.addAll(List.of(merxFeatures));
        set("org.apache.karaf.features.cfg", Map.of("featuresBoot", String.join(", ", boot)));
        return this;
    }

    /** Writes (or updates) {@code etc/<pid>.cfg}; Karaf's fileinstall reads it at start. */
    public KarafNode configure(String pid, Map<String, String> values) throws IOException {
        set(pid + ".cfg", new LinkedHashMap<>(values));
        return this;
    }

    private void set(String file, Map<String, String> values) throws IOException {
        CfgFile.set(home.resolve("etc").resolve(file), values);
    }

    /**
     * Starts the node's JVM. {@code KARAF_EXEC=exec} makes bin/karaf replace its shell with the JVM, so the
     * process this holds is the JVM itself and {@link #kill()} is a real kill -9 of Karaf.
     */
    public synchronized void start() throws IOException {
        if (running()) {
            throw new IllegalStateException(name + " is already running");
        }
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(stdout().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("KARAF_"));
        env.put("KARAF_EXEC", "exec");
        env.put("JAVA_MAX_MEM", HEAP);
        env.put("JAVA_MIN_MEM", "128M");
        env.put("EXTRA_JAVA_OPTS", JavaCppCache.option());
        process = builder.start();
    }

    /** Waits until {@code /v2/health/ready} answers 200; fails with the end of the node's log otherwise. */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready()) {
            if (!running()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; " + logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready within " + timeout + "; " + logTail());
            }
            Thread.sleep(250);
        }
    }

    /** Whether {@code /v2/health/ready} answers 200 now (no credentials: it is the load balancer's probe). */
    public boolean ready() throws InterruptedException {
        return readiness() == 200;
    }

    /** The status {@code /v2/health/ready} answers now, or -1 when the node does not answer within 5 s. */
    public int readiness() throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/v2/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException notListening) {
            return -1;
        }
    }

    /** One JSON request (or none, with a null body) as the node's first-start admin (user {@code merx-admin}). */
    public HttpResponse<String> send(String method, String path, String json)
            throws IOException, InterruptedException {
        return send(method, path, json == null ? null : "application/json",
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Any request as the node's first-start admin, e.g. a model archive up or down; no retry. */
    public <T> HttpResponse<T> send(String method, String path, String contentType,
            HttpRequest.BodyPublisher body, HttpResponse.BodyHandler<T> answer)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(credentials().getBytes(StandardCharsets.UTF_8)))
                .method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), answer);
    }

    /**
     * {@code merx-admin:<password>}: REST writes the password of the user it creates on first start to
     * {@code data/merx/initial-admin-password}; each node has its own.
     */
    public String credentials() throws IOException, InterruptedException {
        if (credentials == null) {
            Path file = home.resolve("data/merx/initial-admin-password");
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (!Files.isRegularFile(file) || Files.size(file) == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " wrote no admin password; " + logTail());
                }
                Thread.sleep(200);
            }
            credentials = "merx-admin:" + Files.readString(file).trim();
        }
        return credentials;
    }

    /**
     * Stops the node as an operator does ({@code bin/stop}: Karaf's shutdown port), waiting for the JVM to exit;
     * a node that does not exit in time is killed, and the test learns it from the return value.
     *
     * @return true if the node stopped by itself
     */
    public synchronized boolean stop() throws IOException, InterruptedException {
        if (!running()) {
            return true;
        }
        Process stop = new ProcessBuilder(home.resolve("bin/stop").toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(stdout().toFile()))
                .start();
        stop.waitFor(30, TimeUnit.SECONDS);
        if (process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            return true;
        }
        kill();
        return false;
    }

    /** kill -9 of the node's JVM (the process bin/karaf exec'd into), and waits until it is gone. */
    public synchronized void kill() throws InterruptedException {
        Process jvm = process;
        if (jvm == null || !jvm.isAlive()) {
            return;
        }
        String command = jvm.info().command().orElse("");
        if (!command.endsWith("java")) {
            throw new IllegalStateException(name + ": process " + jvm.pid() + " is " + command + ", not the JVM");
        }
        jvm.destroyForcibly();
        jvm.waitFor();
    }

    /** Whether the node's JVM is alive. */
    public boolean running() {
        return process != null && process.isAlive();
    }

    /** Resident memory of the node's JVM in MiB (Linux), 0 when it does not run. */
    public long residentMegabytes() {
        if (!running()) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // the figure is for the report only
        }
        return 0;
    }

    /** The JVM's process id, while it runs. */
    public long pid() {
        return process.pid();
    }

    public String name() {
        return name;
    }

    public Path home() {
        return home;
    }

    public NodePorts ports() {
        return ports;
    }

    /** {@code http://127.0.0.1:<port>}: the distribution listens on loopback only. */
    public String baseUrl() {
        return "http://127.0.0.1:" + ports.http();
    }

    /** The node's stdout and stderr over all its starts. */
    public Path stdout() {
        return home.resolve("karaf-stdout.log");
    }

    /** The last lines of Karaf's own log, for a failure message. */
    public String logTail() {
        Path log = home.resolve("data/log/karaf.log");
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return "end of " + log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40),
                    lines.size()));
        } catch (IOException | RuntimeException e) {
            return "no log at " + log + " (" + e + ")";
        }
    }

    /**
     * Removes what is large and says nothing about a failure (the framework's bundle cache, the links to the shared
     * distribution), keeping the logs, {@code etc/} and the node's Merx data; the node must be stopped.
     */
    public void discardBulk() throws IOException {
        if (running()) {
            throw new IllegalStateException(name + " still runs");
        }
        for (String bulky : List.of("data/cache", "data/javacpp", "system", "neo4j", "lib")) {
            Distribution.delete(home.resolve(bulky));
        }
    }

    /** Stops the node if it still runs: a test that fails half-way leaves no JVM behind. */
    @Override
    public void close() throws IOException, InterruptedException {
        stop();
    }

    @Override
    public String toString() {
        return name + "@" + ports.http();
    }
}
