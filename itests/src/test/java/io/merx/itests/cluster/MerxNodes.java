package io.merx.itests.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Merx nodes of the real distribution serving the example's demo model, in cluster mode on one real PostgreSQL or
 * as one plain node (the single-node peer of the cluster benchmark), with three versions of the model to take
 * turns: the demo's first and two copies imported from it. What {@link ClusterIT} and {@link ClusterBenchmark}
 * share: starting the nodes, activating, and watching which version each node serves.
 */
final class MerxNodes implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofMinutes(6);
    /** Longest a node may take to serve what another node just activated. */
    static final Duration CONVERGE_TIMEOUT = Duration.ofSeconds(60);
    static final String MODEL = "example-linear-demo";
    static final String MODEL_PATH = "/api/v1/models/" + MODEL;
    static final String SCORE_BODY = "{\"inputs\": {\"sqm\": 100, \"rooms\": 3, \"age\": 10}}";
    static final ObjectMapper JSON = new ObjectMapper();

    private final TestDatabase database;
    private final KarafCluster cluster;
    private final List<String> versions = new ArrayList<>();

    private MerxNodes(TestDatabase database, KarafCluster cluster) {
        this.database = database;
        this.cluster = cluster;
    }

    /**
     * Starts {@code size} nodes in cluster mode on a fresh PostgreSQL: the first trains the demo and imports two
     * copies, then the others start and converge to it.
     */
    static MerxNodes cluster(Path root, int size) throws Exception {
        TestDatabase database = ClusterHooks.startDatabase(root.resolve("postgres"));
        MerxNodes nodes = new MerxNodes(database, KarafCluster.create(Distribution.current(), root, size));
        try {
            for (KarafNode node : nodes.cluster.nodes()) {
                node.bootFeatures("merx-rest", "merx-example-linear", ClusterHooks.FEATURE);
                Map<String, String> clusterMode = new LinkedHashMap<>();
                clusterMode.put(ClusterHooks.JDBC_URL, database.jdbcUrl());
                clusterMode.put(ClusterHooks.USER, database.user());
                clusterMode.put(ClusterHooks.PASSWORD, database.password());
                clusterMode.put(ClusterHooks.NODE_NAME, node.name());
                clusterMode.put(ClusterHooks.ADDRESS, node.baseUrl());
                node.configure(ClusterHooks.PID, clusterMode);
                if (node != nodes.cluster.node(1)) {
                    // One node trains the demo model into the shared state; the others take it from there.
                    node.configure("io.merx.runtime", Map.of("demoModels", "false"));
                }
            }
            nodes.startFirstThenOthers();
            return nodes;
        } catch (Exception | AssertionError e) {
            nodes.close();
            throw e;
        }
    }

    /** Starts one node without cluster mode (no database): the embedded single-node default. */
    static MerxNodes single(Path root) throws Exception {
        MerxNodes nodes = new MerxNodes(null, KarafCluster.create(Distribution.current(), root, 1));
        try {
            nodes.cluster.node(1).bootFeatures("merx-rest", "merx-example-linear");
            nodes.startFirstThenOthers();
            return nodes;
        } catch (Exception | AssertionError e) {
            nodes.close();
            throw e;
        }
    }

    private void startFirstThenOthers() throws Exception {
        KarafNode first = cluster.node(1);
        first.start();
        first.awaitReady(START_TIMEOUT);
        versions.add(awaitLive(first, v -> true, START_TIMEOUT));
        for (int i = 0; i < 2; i++) {
            versions.add(importCopy(first, versions.get(0)));
        }
        List<KarafNode> others = cluster.nodes().subList(1, cluster.nodes().size());
        for (KarafNode node : others) {
            node.start();
        }
        for (KarafNode node : others) {
            node.awaitReady(START_TIMEOUT);
            awaitLive(node, versions.get(0)::equals, CONVERGE_TIMEOUT);
        }
    }

    List<KarafNode> nodes() {
        return cluster.nodes();
    }

    /** The i-th node, from 1 as in its name. */
    KarafNode node(int i) {
        return cluster.node(i);
    }

    /** The shared database; null for a single node. */
    TestDatabase database() {
        return database;
    }

    /** The model's three versions, in the order they were made. */
    List<String> versions() {
        return versions;
    }

    /** A version of the model other than this one. */
    String versionOtherThan(String version) {
        return versions.stream().filter(v -> !v.equals(version)).findFirst().orElseThrow();
    }

    String memory() {
        return cluster.memory();
    }

    /** Scoring load over every node, round robin. */
    ScoringLoad load(int threads, Duration pause) {
        return new ScoringLoad(cluster.nodes(), MODEL_PATH + "/score", SCORE_BODY, threads, pause);
    }

    /** Activates a version through REST on the node; returns when the call returned (System.nanoTime). */
    static long activate(KarafNode node, String version) throws Exception {
        HttpResponse<String> response = node.send("POST", MODEL_PATH + "/activate",
                "{\"version\": \"" + version + "\"}");
        long returned = System.nanoTime();
        assertEquals(200, response.statusCode(), node + ": " + response.body());
        return returned;
    }

    /** Exports a version from the node and imports it as the model's next version; returns that version. */
    private static String importCopy(KarafNode node, String version) throws Exception {
        HttpResponse<byte[]> archive = node.send("GET", MODEL_PATH + "/versions/" + version + "/export", null,
                HttpRequest.BodyPublishers.noBody(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, archive.statusCode(), new String(archive.body()));
        HttpResponse<String> imported = node.send("POST", "/api/v1/models/import?name=" + MODEL,
                "application/zip", HttpRequest.BodyPublishers.ofByteArray(archive.body()),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, imported.statusCode(), imported.body());
        return JSON.readTree(imported.body()).path("version").asText();
    }

    /** The version the node's live alias serves, as its answer to a scoring request says. */
    static String liveVersion(KarafNode node) throws Exception {
        HttpResponse<String> scored = node.send("POST", MODEL_PATH + "/score?version=live", SCORE_BODY);
        assertEquals(200, scored.statusCode(), node + ": " + scored.body());
        return JSON.readTree(scored.body()).path("version").asText();
    }

    /** Scores the node until its live version passes the test; returns that version. */
    static String awaitLive(KarafNode node, Predicate<String> wanted, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> last;
        do {
            last = node.send("POST", MODEL_PATH + "/score?version=live", SCORE_BODY);
            if (last.statusCode() == 200) {
                String version = JSON.readTree(last.body()).path("version").asText();
                if (wanted.test(version)) {
                    return version;
                }
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        fail(node + " does not serve the wanted live version within " + timeout + ": " + last.statusCode() + " "
                + last.body() + "; " + node.logTail());
        return null;
    }

    /** Waits until every node serves the version as live. */
    void awaitEveryNode(String version) throws Exception {
        awaitNodes(cluster.nodes(), version);
    }

    static void awaitNodes(List<KarafNode> nodes, String version) throws Exception {
        for (KarafNode node : nodes) {
            awaitLive(node, version::equals, CONVERGE_TIMEOUT);
        }
    }

    /** "p50 N ms, max M ms" of a list of durations. */
    static String percentiles(List<Long> millis) {
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format(Locale.ROOT, "p50 %d ms, max %d ms", sorted[sorted.length / 2],
                sorted[sorted.length - 1]);
    }

    static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }

    /** Stops the nodes, then the database. */
    @Override
    public void close() throws Exception {
        try {
            cluster.close();
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }
}
