package io.merx.graph.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ScoreRequest;
import io.merx.api.Scorer;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;
import io.merx.graph.GraphUnavailableException;
import io.merx.graph.IngestOptions;
import io.merx.graph.IngestReport;

/** Neo4j crashing in the middle of a load, and coming back: clear errors, no restart of the caller needed. */
class FaultTest {

    @TempDir
    Path dir;

    @Test
    void crashMidLoadFailsClearlyScoringGoesOnAndTheStoreRecovers() throws Exception {
        Neo4jGraphStore store = TestGraph.connect(3);
        CopurchaseKind kind = new CopurchaseKind();
        kind.bindStore(store);
        try (TrainedModel model = kind.newTrainer(HyperParameters.of(kind.parameters(), Map.of()))
                .train(DemoShop.generate(300, 2, "fault-model"), TrainingContext.silent())) {
            model.save(dir);
        }
        Dataset big = DemoShop.generate(3_000, 4, "fault-load");
        IngestOptions options = IngestOptions.builder("fault-load").batchSize(100).build();
        AtomicInteger batches = new AtomicInteger();
        CompletableFuture<IngestReport> load = CompletableFuture.supplyAsync(() -> {
            try {
                return store.ingest(big, options, f -> batches.incrementAndGet());
            } catch (GraphUnavailableException e) {
                throw new IllegalStateException(e);
            }
        });
        while (batches.get() < 4 && !load.isDone()) {
            Thread.sleep(20);
        }
        int port = TestGraph.port();
        try (Scorer scorer = kind.load(dir)) {
            TestGraph.stop();
            Throwable failure = null;
            try {
                load.get(120, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                failure = e.getCause().getCause();
            }
            assertTrue(failure instanceof GraphUnavailableException, String.valueOf(failure));
            assertTrue(failure.getMessage().contains("127.0.0.1:" + port), failure.getMessage());
            // The snapshot does not need the database.
            assertFalse(scorer.score(ScoreRequest.of(Map.of("product", "P001"))).outputs().isEmpty());
        } finally {
            TestGraph.startAgain(port);
        }
        // Committed batches stayed, the failed one left nothing; loading again completes the graph.
        IngestReport again = store.ingest(big, options, f -> { });
        assertEquals(3_000, again.orders());
        assertEquals(3_000L, ((Number) store.query("MATCH (o:Order {graph: $graph}) RETURN count(o) AS n",
                Map.of("graph", "fault-load")).get(0).get("n")).longValue());
        Neo4jGraphStore fresh = TestGraph.connect(3);
        try {
            fresh.ingest(DemoShop.generate(3_000, 4, "fault-reference"), IngestOptions.builder("fault-reference")
                    .build(), f -> { });
            assertEquals(lines(fresh, "fault-reference"), lines(store, "fault-load"),
                    "a crash mid-load neither loses nor duplicates order lines");
        } finally {
            fresh.close();
            store.close();
        }
    }

    private static long lines(Neo4jGraphStore store, String graph) throws Exception {
        return ((Number) store.query("MATCH (:Order {graph: $graph})-[r:CONTAINS]->() RETURN count(r) AS n",
                Map.of("graph", graph)).get(0).get("n")).longValue();
    }
}
