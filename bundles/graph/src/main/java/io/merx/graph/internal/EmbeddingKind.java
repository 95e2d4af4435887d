package io.merx.graph.internal;

import java.nio.file.Path;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.ModelLoadException;
import io.merx.api.ParameterSpec;
import io.merx.api.Scorer;
import io.merx.api.Trainer;
import io.merx.compute.ComputeBackend;
import io.merx.graph.GraphStore;
import io.merx.sdk.kind.KindVersion;

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

    static final List<ParameterSpec> PARAMETERS = IngestParameters.with(List.of(
            ParameterSpec.integer("dimension", 256, 8, 2_048,
                    "embedding length; random projections need a few hundred to keep similarities apart"),
            ParameterSpec.text("iterationWeights", "0,1,1,1",
                    "weight of the random projection, then of each propagation step (FastRP); their count - 1 is"
                            + " the number of steps"),
            ParameterSpec.integer("seed", 42, 0, Long.MAX_VALUE, "seed of the random projection"),
            ParameterSpec.bool("writeBack", false, "also store the vectors as property 'embedding' on the nodes"),
            ParameterSpec.real("holdout", 0.2, 0, 0.9, "fraction of orders held back to measure hit-rate@10")));

    /** Declarative Services constructor. */
    @Activate
    public EmbeddingKind(BundleContext context) {
        this(new TrainingStore(TrainingStore.DEFAULT_WAIT), KindVersion.of(context));
    }

    /** For use outside OSGi (tests, benchmarks). */
    public EmbeddingKind(GraphStore store, String version) {
        this(TrainingStore.of(store), version);
    }

    EmbeddingKind(TrainingStore stores, String version) {
        super(NAME, version, "Graph embeddings (FastRP on ND4J) of the Neo4j customer-product graph",
                PARAMETERS, stores);
    }

    @Override
    public Trainer newTrainer(HyperParameters hyperParameters) {
        EmbeddingTrainer.weights(hyperParameters.getString("iterationWeights"));
        return new EmbeddingTrainer(this, stores(), hyperParameters);
    }

    @Override
    public Scorer load(Path modelDirectory) throws ModelLoadException {
        return new EmbeddingScorer(EmbeddingFiles.read(modelDirectory));
    }
}
