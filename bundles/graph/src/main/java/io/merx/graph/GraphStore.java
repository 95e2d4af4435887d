package io.merx.graph;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

import org.osgi.annotation.versioning.ProviderType;

import io.merx.api.Dataset;

/**
 * The order graph in Neo4j, registered as a service only once the database answers. Every statement is
 * parameterised Cypher; writes run in transactions retried with backoff while the database is briefly away,
 * so a batch is either fully stored or not at all.
 *
 * <pre>{@code
 * IngestReport report = store.ingest(dataset, IngestOptions.builder("shop").build(), f -> {});
 * List<Map<String, Object>> rows = store.query(
 *         "MATCH (p:Product {graph: $graph}) RETURN p.id AS id LIMIT 5", Map.of("graph", "shop"));
 * }</pre>
 */
@ProviderType
public interface GraphStore {

    /**
     * Ingests order lines and/or account identifiers with MERGE, in UNWIND batches of one transaction each.
     * Re-ingesting the same rows changes nothing.
     *
     * @param data order lines (order, customer, product, ...) and/or account identifiers (device, card, ...)
     * @param options graph name, column names and batch size
     * @param progress receives the fraction of rows stored so far, from 0 to 1
     * @throws IllegalArgumentException naming the column when the data does not fit
     * @throws GraphUnavailableException when the database stays unreachable past the retry budget
     */
    IngestReport ingest(Dataset data, IngestOptions options, DoubleConsumer progress)
            throws GraphUnavailableException;

    /**
     * Runs a read-only, parameterised Cypher query and returns its rows as maps of plain Java values (strings,
     * longs, doubles, booleans, lists, maps). Nodes and relationships come back as their property maps.
     *
     * @throws GraphUnavailableException when the database stays unreachable past the retry budget
     */
    List<Map<String, Object>> query(String cypher, Map<String, Object> parameters) throws GraphUnavailableException;

    /**
     * Streams the rows of a read-only, parameterised Cypher query to a consumer as they arrive, so that whole-graph
     * reads need memory neither in Neo4j nor here. Runs once, without retries: a failure part-way throws, after
     * the consumer has seen some rows.
     *
     * @throws GraphUnavailableException when the database cannot be reached or fails mid-stream
     */
    void stream(String cypher, Map<String, Object> parameters, Consumer<Map<String, Object>> rows)
            throws GraphUnavailableException;

    /**
     * Runs a parameterised write statement in one transaction.
     *
     * @return the number of nodes plus relationships created and properties set
     * @throws GraphUnavailableException when the database stays unreachable past the retry budget
     */
    long write(String cypher, Map<String, Object> parameters) throws GraphUnavailableException;

    /** Where the store is connected, e.g. {@code bolt://127.0.0.1:7687 (embedded)}; for operators. */
    String describe();
}
