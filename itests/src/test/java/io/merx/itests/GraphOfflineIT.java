package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.merx.api.ModelKind;
import io.merx.api.ScoreRequest;
import io.merx.api.runtime.JobState;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.ScoreResponse;
import io.merx.api.runtime.TrainingJob;
import io.merx.api.runtime.TrainingRequest;

/**
 * Graph models need Neo4j only to train: once their snapshots exist, the graph module restarted with Neo4j out
 * of reach (as after a Karaf restart while the database is down) serves all three, and training says it waits
 * for the database.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class GraphOfflineIT extends MerxTestSupport {

    private static final String GRAPH_STORE = "io.merx.graph.GraphStore";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected String bootFeatures() {
        return "merx-graph";
    }

    /** Each demo model with a request and an output its answer holds. */
    private static Map<String, Object[]> demos() {
        Map<String, Object[]> demos = new LinkedHashMap<>();
        demos.put("graph-copurchase-demo", new Object[] {Map.of("product", "P001", "limit", 2), "items"});
        demos.put("graph-embedding-demo", new Object[] {Map.of("product", "P001", "limit", 2), "items"});
        demos.put("graph-fraud-demo", new Object[] {Map.of("account", "C302"), "risk"});
        return demos;
    }

    /** An answer a user could act on: products to show, or a risk score. */
    private static void assertHasContent(Map<String, Object> outputs) {
        if (outputs.containsKey("items")) {
            List<?> items = (List<?>) outputs.get("items");
            assertTrue("products to show: " + outputs, !items.isEmpty());
            for (Object item : items) {
                String product = String.valueOf(((Map<?, ?>) item).get("product"));
                assertTrue("a demo product other than the one asked: " + outputs,
                        product.matches("P\\d{3}") && !product.equals("P001"));
            }
        } else {
            double risk = ((Number) outputs.get("risk")).doubleValue();
            assertTrue("a risk between 0 and 1: " + outputs, risk >= 0 && risk <= 1);
        }
    }

    @Test
    public void graphModelsServeFromTheirSnapshotsWhileNeo4jIsUnavailable() throws Exception {
        ModelRuntime runtime = awaitService(ModelRuntime.class, null);
        Map<String, String> online = new LinkedHashMap<>();
        for (Map.Entry<String, Object[]> demo : demos().entrySet()) {
            Map<String, Object> outputs = awaitAnswer(runtime, demo.getKey(), demo.getValue()).result().outputs();
            assertHasContent(outputs);
            online.put(demo.getKey(), JSON.writeValueAsString(outputs));
        }

        // Neo4j out of reach: nothing listens on that port. The connector stops the embedded server.
        // Karaf's configuration commands need role manager (etc/org.apache.karaf.command.acl.config.cfg).
        executeAs("config:property-set -p io.merx.graph retrySeconds 1", "admin", "manager");
        executeAs("config:property-set -p io.merx.graph uri bolt://127.0.0.1:" + closedPort(), "admin", "manager");
        awaitNoGraphStore();

        // The module starts again while Neo4j is unavailable, as after a Karaf restart with the database down.
        Bundle graph = bundle("io.merx.graph");
        graph.stop();
        graph.start();
        for (String kind : new String[] {"graph.copurchase", "graph.embedding", "graph.fraud"}) {
            awaitService(ModelKind.class, "(" + ModelKind.PROPERTY_NAME + "=" + kind + ")");
        }
        for (Map.Entry<String, Object[]> demo : demos().entrySet()) {
            ScoreResponse answer = awaitAnswer(runtime, demo.getKey(), demo.getValue());
            // Served from the snapshot: the very answer the model gave while Neo4j was there.
            assertEquals(demo.getKey(), online.get(demo.getKey()), JSON.writeValueAsString(answer.result().outputs()));
        }
        assertNull("Neo4j really is unavailable", bundleContext.getServiceReference(GRAPH_STORE));

        // Training needs the database: it waits for it (the embedded one may still be starting) and says so.
        Path demoData = Path.of(System.getProperty("karaf.data"), "merx", "models", ".demo", "graph-copurchase-demo.csv");
        TrainingJob job = runtime.train(TrainingRequest.builder("graph-copurchase-demo", "graph.copurchase", demoData)
                .build());
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!"waiting for Neo4j".equals(job.message())) {
            if (System.currentTimeMillis() > deadline || job.state().isDone()) {
                fail("training did not wait for Neo4j: " + job.state() + " " + job.message());
            }
            Thread.sleep(100);
        }
        assertEquals(JobState.RUNNING, job.state());
        job.cancel();
        assertTrue(job.await(Duration.ofSeconds(30)));
        assertEquals(JobState.CANCELLED, job.state());
        assertEquals("cancelled while waiting for Neo4j", job.message());
    }

    private static ScoreResponse awaitAnswer(ModelRuntime runtime, String model, Object[] demo) throws Exception {
        @SuppressWarnings("unchecked")
        ScoreRequest request = ScoreRequest.of((Map<String, Object>) demo[0]);
        long deadline = System.currentTimeMillis() + 3 * TIMEOUT_MS;
        Exception last = null;
        while (System.currentTimeMillis() < deadline) {
            try {
                ScoreResponse answer = runtime.score(model, request);
                if (answer.result().outputs().containsKey((String) demo[1])) {
                    return answer;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(250);
        }
        fail(model + " never answered; last error: " + last + "; models: " + runtime.models() + "; jobs: "
                + runtime.jobs());
        return null;
    }

    private void awaitNoGraphStore() throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (bundleContext.getServiceReference(GRAPH_STORE) != null) {
            if (System.currentTimeMillis() > deadline) {
                fail("the graph store is still registered after the URI changed");
            }
            Thread.sleep(250);
        }
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
