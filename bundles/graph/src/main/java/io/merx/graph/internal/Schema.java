package io.merx.graph.internal;

import java.util.List;

import io.merx.graph.GraphUnavailableException;

/**
 * Constraints and indexes of the order graph. Every node carries {@code graph}, the name that keeps data sets
 * apart, so uniqueness is on ({@code graph}, id); composite uniqueness constraints exist in Neo4j community.
 */
final class Schema {

    static final List<String> STATEMENTS = List.of(
            "CREATE CONSTRAINT merx_customer IF NOT EXISTS FOR (n:Customer) REQUIRE (n.graph, n.id) IS UNIQUE",
            "CREATE CONSTRAINT merx_order IF NOT EXISTS FOR (n:Order) REQUIRE (n.graph, n.id) IS UNIQUE",
            "CREATE CONSTRAINT merx_product IF NOT EXISTS FOR (n:Product) REQUIRE (n.graph, n.id) IS UNIQUE",
            "CREATE CONSTRAINT merx_category IF NOT EXISTS FOR (n:Category) REQUIRE (n.graph, n.id) IS UNIQUE",
            "CREATE CONSTRAINT merx_session IF NOT EXISTS FOR (n:Session) REQUIRE (n.graph, n.id) IS UNIQUE",
            "CREATE CONSTRAINT merx_identifier IF NOT EXISTS FOR (n:Identifier) REQUIRE (n.graph, n.type, n.value) IS UNIQUE",
            // Whole-graph scans (training reads every order of one graph) start from these.
            "CREATE INDEX merx_order_graph IF NOT EXISTS FOR (n:Order) ON (n.graph)",
            "CREATE INDEX merx_customer_graph IF NOT EXISTS FOR (n:Customer) ON (n.graph)",
            "CREATE INDEX merx_product_graph IF NOT EXISTS FOR (n:Product) ON (n.graph)",
            "CALL db.awaitIndexes(300)");

    private Schema() {
    }

    static void ensure(Neo4jGraphStore store) throws GraphUnavailableException {
        for (String statement : STATEMENTS) {
            store.schema(statement);
        }
    }
}
