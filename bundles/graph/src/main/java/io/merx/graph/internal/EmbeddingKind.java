package io.merx.graph.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.merx.api.ModelKind;
import io.merx.compute.ComputeBackend;

/**
 * The {@code graph.embedding} kind: FastRP embeddings of the customer-product graph (ND4J), for similar
 * products and customer-to-product recommendations, optionally written back to Neo4j. Training needs Neo4j;
 * scoring uses the saved vectors only. Registered whether or not Neo4j is reachable, so its models serve while the database is down; see
 * {@link GraphKind}.
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + EmbeddingKind.NAME,
        reference = @Reference(name = "compute", service = ComputeBackend.class))
public final class EmbeddingKind extends GraphKind {

    public static final String NAME = "graph.embedding";

    /** The one constructor: Declarative Services calls it, and tests and benchmarks, who then bind a store. */
    public EmbeddingKind() {
        super(NAME, "Graph embeddings (FastRP on ND4J) of the Neo4j customer-product graph",
                EmbeddingTrainer.PARAMETERS, EmbeddingTrainer::new,
                dir -> new EmbeddingScorer(EmbeddingFiles.read(dir)));
    }
}
