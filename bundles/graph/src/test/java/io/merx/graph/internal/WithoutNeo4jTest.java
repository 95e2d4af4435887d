package io.merx.graph.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;
import io.merx.graph.GraphStore;
import io.merx.graph.GraphUnavailableException;
import io.merx.graph.IngestOptions;
import io.merx.graph.IngestReport;

/**
 * Neo4j down or still starting: the graph kinds register all the same (their models serve from snapshots), and
 * only training waits for the database, then fails saying so.
 */
class WithoutNeo4jTest {

    private static final Map<String, Supplier<GraphKind>> KINDS = Map.of(
            CopurchaseKind.NAME, CopurchaseKind::new,
            EmbeddingKind.NAME, EmbeddingKind::new,
            FraudKind.NAME, FraudKind::new);

    @ParameterizedTest
    @ValueSource(strings = {"CopurchaseKind", "EmbeddingKind", "FraudKind"})
    void theKindRegistersWithoutAGraphStore(String kindClass) throws Exception {
        // The component description bnd generates: a mandatory reference kept the kind away while Neo4j was down.
        String xml = Files.readString(Path.of("target/classes/OSGI-INF/io.merx.graph.internal." + kindClass + ".xml"));
        int at = xml.indexOf("interface=\"io.merx.graph.GraphStore\"");
        assertTrue(at > 0, xml);
        String reference = xml.substring(xml.lastIndexOf("<reference", at), xml.indexOf("/>", at));
        assertTrue(reference.contains("cardinality=\"0..1\""), reference);
        assertTrue(reference.contains("policy=\"dynamic\""), reference);
        assertTrue(xml.indexOf("io.merx.graph.GraphStore") == xml.lastIndexOf("io.merx.graph.GraphStore"),
                "one reference to the graph store: " + xml);
    }

    @ParameterizedTest
    @ValueSource(strings = {CopurchaseKind.NAME, EmbeddingKind.NAME, FraudKind.NAME})
    void trainingWithoutNeo4jFailsSayingSoAfterTheWait(String name) {
        GraphKind kind = KINDS.get(name).get();
        kind.stores().waitAtMost(Duration.ofMillis(300));
        long start = System.nanoTime();
        TrainingException e = assertThrows(TrainingException.class, () -> train(kind, TrainingContext.silent()));
        assertEquals("training " + name + " needs Neo4j, which has not been reachable for 0 s; check the"
                + " io.merx.graph configuration and the log. Graph models already trained keep serving from their"
                + " snapshots.", e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
    }

    @ParameterizedTest
    @ValueSource(strings = {CopurchaseKind.NAME, EmbeddingKind.NAME, FraudKind.NAME})
    void trainingUsesTheStoreOnceNeo4jComesUp(String name) throws Exception {
        GraphKind kind = KINDS.get(name).get();
        kind.stores().waitAtMost(Duration.ofSeconds(30));
        Thread later = new Thread(() -> {
            sleep(300);
            kind.bindStore(new RefusingStore());
        });
        later.start();
        TrainingException e = assertThrows(TrainingException.class, () -> train(kind, TrainingContext.silent()));
        assertEquals(RefusingStore.MESSAGE, e.getMessage(), "reached the store bound while waiting");
        later.join();
    }

    @ParameterizedTest
    @ValueSource(strings = {CopurchaseKind.NAME})
    void aJobWaitingForNeo4jCanBeCancelled(String name) {
        GraphKind kind = KINDS.get(name).get();
        kind.stores().waitAtMost(Duration.ofMinutes(5));
        AtomicBoolean cancelled = new AtomicBoolean();
        new Thread(() -> {
            sleep(300);
            cancelled.set(true);
        }).start();
        long start = System.nanoTime();
        TrainingException e = assertThrows(TrainingException.class, () -> train(kind, new TrainingContext() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        }));
        assertEquals("cancelled while waiting for Neo4j", e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
    }

    private static void train(ModelKind kind, TrainingContext context) throws TrainingException {
        Dataset data = DemoShop.generate(50, 1, "offline");
        kind.newTrainer(HyperParameters.of(kind.parameters(), Map.of())).train(data, context).close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A store whose database has just gone away again. */
    private static final class RefusingStore implements GraphStore {

        static final String MESSAGE = "Neo4j at bolt://127.0.0.1:1 is not available";

        @Override
        public IngestReport ingest(Dataset data, IngestOptions options, DoubleConsumer progress)
                throws GraphUnavailableException {
            throw new GraphUnavailableException(MESSAGE, null);
        }

        @Override
        public List<Map<String, Object>> query(String cypher, Map<String, Object> parameters)
                throws GraphUnavailableException {
            throw new GraphUnavailableException(MESSAGE, null);
        }

        @Override
        public void stream(String cypher, Map<String, Object> parameters, Consumer<Map<String, Object>> rows)
                throws GraphUnavailableException {
            throw new GraphUnavailableException(MESSAGE, null);
        }

        @Override
        public long write(String cypher, Map<String, Object> parameters) throws GraphUnavailableException {
            throw new GraphUnavailableException(MESSAGE, null);
        }

        @Override
        public String describe() {
            return "refusing";
        }
    }
}
