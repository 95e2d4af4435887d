package io.merx.recommendation.internal;

import java.util.List;

import io.merx.api.HyperParameters;
import io.merx.api.ParameterSpec;

/**
 * When and how an {@link AnnIndex} is built: catalogues of at least {@code minItems} items get one (0: never);
 * {@code m} and {@code efConstruction} shape the graph, {@code efSearch} is how many candidates a query keeps
 * (more: higher recall, slower). {@code threads} above 1 builds faster but the graph then depends on scheduling.
 */
record AnnConfig(int minItems, int m, int efConstruction, int efSearch, int threads) {

    static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.integer("annMinItems", 50_000, 0, Integer.MAX_VALUE,
                    "catalogues with at least this many items get an HNSW index for recommend and similar items"
                            + " (approximate); smaller ones are scanned exactly; 0 = never"),
            ParameterSpec.integer("annM", 16, 2, 512,
                    "HNSW links per item and level (twice as many on the bottom level): more = higher recall, more memory"),
            ParameterSpec.integer("annEfConstruction", 100, 2, 10_000,
                    "HNSW candidates kept while building: more = better graph, slower build"),
            ParameterSpec.integer("annEfSearch", 64, 1, 10_000,
                    "HNSW candidates kept per query (at least K): more = higher recall, slower queries"),
            ParameterSpec.integer("annThreads", 1, 0, 256,
                    "index build threads; 1 builds the same graph for the same seed, more build faster but not"
                            + " reproducibly; 0 = one per processor"));

    static AnnConfig of(HyperParameters hp) {
        return new AnnConfig(hp.getInt("annMinItems"), hp.getInt("annM"), hp.getInt("annEfConstruction"),
                hp.getInt("annEfSearch"), hp.getInt("annThreads"));
    }

    boolean indexes(int items) {
        return minItems > 0 && items >= minItems;
    }

    int workerThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
