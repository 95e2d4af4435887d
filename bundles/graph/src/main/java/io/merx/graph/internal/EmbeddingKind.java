package io.merx.graph.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.ModelLoadException;
import io.merx.api.ParameterSpec;
import io.merx.api.Scorer;
import io.merx.api.Trainer;
import io.merx.compute.ComputeBackend;
import io.merx.graph.GraphStore;

/**
 * The {@code graph.embedding} kind: FastRP embeddings of the customer-product graph (ND4J), for similar
 * products and customer-to-product recommendations, optionally written back to Neo4j. Training needs Neo4j;
 * scoring uses the saved vectors only. Registered whether or not
 * Neo4j is reachable, so its models serve while the database is down; see {@link TrainingStore}.
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + EmbeddingKind.NAME)
public final class EmbeddingKind implements ModelKind {

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

    private final TrainingStore stores;
    private final String version;

    /** Declarative Services constructor: ND4J must be initialised, hence the compute reference. */
    @Activate
    public EmbeddingKind(BundleContext context, @Reference ComputeBackend compute) {
        Version v = context.getBundle().getVersion();
        this.stores = new TrainingStore(TrainingStore.DEFAULT_WAIT);
        this.version = v.getMajor() + "." + v.getMinor() + "." + v.getMicro();
    }

    /** Neo4j connected (it may come and go while the kind serves; only training needs it). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindStore(GraphStore store) {
        stores.bind(store);
    }

    void unbindStore(GraphStore store) {
        stores.unbind(store);
    }

    /** For use outside OSGi (tests, benchmarks). */
    public EmbeddingKind(GraphStore store, String version) {
        this(TrainingStore.of(store), version);
    }

    EmbeddingKind(TrainingStore stores, String version) {
        this.stores = stores;
        this.version = version;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String description() {
        return "Graph embeddings (FastRP on ND4J) of the Neo4j customer-product graph";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public Trainer newTrainer(HyperParameters hyperParameters) {
        EmbeddingTrainer.weights(hyperParameters.getString("iterationWeights"));
        return new EmbeddingTrainer(this, stores, hyperParameters);
    }

    @Override
    public Scorer load(Path modelDirectory) throws ModelLoadException {
        return new EmbeddingScorer(EmbeddingFiles.read(modelDirectory));
    }

    @Override
    public Optional<Dataset> demoData() {
        return Optional.of(DemoShop.generate(DemoShop.DEFAULT_ORDERS, DemoShop.DEFAULT_SEED));
    }
}
