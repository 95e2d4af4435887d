package io.merx.risk.transaction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.merx.api.Dataset;
import io.merx.graph.GraphStore;
import io.merx.graph.GraphUnavailableException;
import io.merx.graph.IngestOptions;

/**
 * The identifier graph as Neo4j holds it: the training orders' accounts, identifiers and fraud flags are MERGEd
 * into the named graph (the graph module's ingestion, so {@code graph.fraud} sees the same accounts), then every
 * {@code (:Customer)-[:USES]->(:Identifier)} edge of that graph is read back, including those other data put there.
 */
final class Neo4jIdentifiers {

    static final String USES = """
            MATCH (c:Customer {graph: $graph})-[:USES]->(i:Identifier)
            WHERE i.type IN $types
            RETURN c.id AS account, i.type AS type, i.value AS value
            ORDER BY account, type, value
            """;
    static final String FRAUD = """
            MATCH (c:Customer {graph: $graph}) WHERE c.fraud = true
            RETURN c.id AS account ORDER BY account
            """;

    private Neo4jIdentifiers() {
    }

    /** Account rows for the graph module's ingestion: account, identifiers, fraud flag (no order lines). */
    static Dataset accounts(List<TransactionColumns.Labelled> orders) {
        int n = orders.size();
        String[] account = new String[n];
        String[][] identifiers = new String[Order.IDENTIFIER_TYPES.size()][n];
        String[] fraud = new String[n];
        for (int r = 0; r < n; r++) {
            Order o = orders.get(r).order();
            account[r] = o.account();
            for (int type = 0; type < identifiers.length; type++) {
                identifiers[type][r] = o.identifier(type) == null ? "" : o.identifier(type);
            }
            fraud[r] = orders.get(r).fraud() ? "1" : "0";
        }
        Dataset.Builder builder = Dataset.builder().strings("customer_id", account).strings("fraud", fraud);
        for (int type = 0; type < identifiers.length; type++) {
            builder.strings(Order.IDENTIFIER_TYPES.get(type), identifiers[type]);
        }
        return builder.build();
    }

    /** Ingests the orders' accounts into the graph, then reads the whole graph's identifier edges and flags. */
    static IdentifierGraph load(GraphStore store, String graph, List<TransactionColumns.Labelled> orders,
            int maxShared, java.util.function.DoubleConsumer progress) throws GraphUnavailableException {
        store.ingest(accounts(orders), IngestOptions.builder(graph).build(), progress);
        Map<String, Object> params = Map.of("graph", graph, "types", Order.IDENTIFIER_TYPES);
        List<IdentifierGraph.Use> uses = new ArrayList<>();
        store.stream(USES, params, row -> uses.add(new IdentifierGraph.Use((String) row.get("account"),
                (String) row.get("type"), (String) row.get("value"))));
        Set<String> fraud = new HashSet<>();
        for (Map<String, Object> row : store.query(FRAUD, params)) {
            fraud.add((String) row.get("account"));
        }
        return IdentifierGraph.of(uses, fraud, maxShared);
    }
}
