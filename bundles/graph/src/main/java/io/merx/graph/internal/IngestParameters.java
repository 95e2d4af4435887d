package io.merx.graph.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ParameterSpec;
import io.merx.graph.IngestOptions;

/**
 * The hyper-parameters every graph kind shares: which graph to train on and how the training file's columns
 * map to the graph. Training ingests the file (idempotently) and then learns from the whole named graph, so a
 * model sees every order ever ingested into it, not only the last file.
 */
final class IngestParameters {

    /** Optional data column naming the graph; used when the {@code graph} hyper-parameter is empty. */
    static final String GRAPH_COLUMN = "graph";
    static final String DEFAULT_GRAPH = "default";

    static final List<ParameterSpec> SPECS = List.of(
            ParameterSpec.text("graph", "", "graph name inside Neo4j (keeps data sets apart); empty: the data's"
                    + " 'graph' column, else 'default'"),
            ParameterSpec.text("orderColumn", "order_id", "column holding the order id"),
            ParameterSpec.text("customerColumn", "customer_id", "column holding the customer (account) id"),
            ParameterSpec.text("productColumn", "product_id", "column holding the product id"),
            ParameterSpec.text("categoryColumn", "category", "column holding the product category"),
            ParameterSpec.text("dateColumn", "order_date", "column holding the order date (ISO) or epoch day"),
            ParameterSpec.integer("batchSize", 2_000, 1, 100_000, "rows per ingestion transaction"));

    private IngestParameters() {
    }

    /** The shared specs followed by a kind's own. */
    static List<ParameterSpec> with(List<ParameterSpec> own) {
        List<ParameterSpec> all = new ArrayList<>(SPECS);
        all.addAll(own);
        return List.copyOf(all);
    }

    static IngestOptions options(HyperParameters hp, Dataset data) {
        return IngestOptions.builder(graphName(hp, data))
                .orderColumn(hp.getString("orderColumn"))
                .customerColumn(hp.getString("customerColumn"))
                .productColumn(hp.getString("productColumn"))
                .categoryColumn(hp.getString("categoryColumn"))
                .dateColumn(hp.getString("dateColumn"))
                .batchSize(hp.getInt("batchSize"))
                .build();
    }

    static String graphName(HyperParameters hp, Dataset data) {
        String configured = hp.getString("graph").trim();
        if (!data.hasColumn(GRAPH_COLUMN)) {
            return configured.isEmpty() ? DEFAULT_GRAPH : configured;
        }
        Set<String> named = new LinkedHashSet<>();
        for (String value : data.strings(GRAPH_COLUMN)) {
            if (value != null && !value.isBlank()) {
                named.add(value.trim());
            }
        }
        if (named.size() > 1) {
            throw new IllegalArgumentException("column 'graph' must hold one graph name, found " + named);
        }
        String column = named.isEmpty() ? "" : named.iterator().next();
        if (!configured.isEmpty() && !column.isEmpty() && !configured.equals(column)) {
            throw new IllegalArgumentException("hyper-parameter 'graph' is '" + configured
                    + "' but column 'graph' says '" + column + "'");
        }
        return !configured.isEmpty() ? configured : column.isEmpty() ? DEFAULT_GRAPH : column;
    }
}
