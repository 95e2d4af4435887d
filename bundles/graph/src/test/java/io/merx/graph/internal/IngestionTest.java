package io.merx.graph.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.merx.api.Dataset;
import io.merx.graph.IngestOptions;
import io.merx.graph.IngestReport;

class IngestionTest {

    private static long count(String cypher, String graph) throws Exception {
        return ((Number) TestGraph.store().query(cypher, Map.of("graph", graph)).get(0).get("n")).longValue();
    }

    @Test
    void reIngestingTheSameOrdersChangesNothing() throws Exception {
        Dataset data = DemoShop.generate(300, 5, "idempotent");
        IngestOptions options = IngestOptions.builder("idempotent").batchSize(250).build();
        List<Double> progress = new ArrayList<>();
        IngestReport first = TestGraph.store().ingest(data, options, progress::add);
        assertEquals(300, first.orders());
        assertTrue(first.nodesCreated() > 300 && first.relationshipsCreated() > data.rowCount(), first.toString());
        assertTrue(first.batches() > 1, "several UNWIND batches: " + first);
        assertEquals(1.0, progress.get(progress.size() - 1));
        long lines = count("MATCH (:Order {graph: $graph})-[r:CONTAINS]->() RETURN count(r) AS n", "idempotent");

        IngestReport second = TestGraph.store().ingest(data, options, f -> { });
        assertEquals(0, second.nodesCreated(), second.toString());
        assertEquals(0, second.relationshipsCreated(), second.toString());
        assertEquals(300, count("MATCH (o:Order {graph: $graph}) RETURN count(o) AS n", "idempotent"));
        assertEquals(lines, count("MATCH (:Order {graph: $graph})-[r:CONTAINS]->() RETURN count(r) AS n", "idempotent"));
        assertEquals(8, count("MATCH (c:Category {graph: $graph}) RETURN count(c) AS n", "idempotent"));
    }

    @Test
    void graphsAreKeptApart() throws Exception {
        TestGraph.store().ingest(DemoShop.generate(50, 1, "tenant-a"), IngestOptions.builder("tenant-a").build(),
                f -> { });
        assertEquals(0, count("MATCH (o:Order {graph: $graph}) RETURN count(o) AS n", "tenant-b"));
        assertEquals(50, count("MATCH (o:Order {graph: $graph}) RETURN count(o) AS n", "tenant-a"));
    }

    @Test
    void badDataIsRefusedNamingTheColumn() throws Exception {
        Dataset noProduct = Dataset.builder().strings("order_id", new String[] {"o1"})
                .strings("customer_id", new String[] {"c1"}).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestGraph.store().ingest(noProduct, IngestOptions.builder("bad").build(), f -> { }));
        assertTrue(e.getMessage().contains("product_id"), e.getMessage());

        Dataset emptyId = Dataset.builder().strings("order_id", new String[] {"o1", " "})
                .strings("customer_id", new String[] {"c1", "c1"}).strings("product_id", new String[] {"p", "q"})
                .build();
        e = assertThrows(IllegalArgumentException.class,
                () -> TestGraph.store().ingest(emptyId, IngestOptions.builder("bad").build(), f -> { }));
        assertTrue(e.getMessage().contains("order_id") && e.getMessage().contains("row 2"), e.getMessage());

        Dataset badDate = Dataset.builder().strings("order_id", new String[] {"o1"})
                .strings("customer_id", new String[] {"c1"}).strings("product_id", new String[] {"p"})
                .strings("order_date", new String[] {"yesterday"}).build();
        e = assertThrows(IllegalArgumentException.class,
                () -> TestGraph.store().ingest(badDate, IngestOptions.builder("bad").build(), f -> { }));
        assertTrue(e.getMessage().contains("order_date"), e.getMessage());
        assertEquals(0, count("MATCH (o:Order {graph: $graph}) RETURN count(o) AS n", "bad"));
    }

    @Test
    void cypherErrorsAreBadRequestsNotOutages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestGraph.store().query("MATCH (n RETURN n", Map.of()));
        assertTrue(e.getMessage().contains("Cypher"), e.getMessage());
    }
}
