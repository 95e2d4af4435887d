package io.merx.graph.internal;

import java.nio.file.Path;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.ModelLoadException;
import io.merx.api.ParameterSpec;
import io.merx.api.Scorer;
import io.merx.api.Trainer;
import io.merx.graph.GraphStore;
import io.merx.sdk.kind.KindVersion;

/**
 * The {@code graph.copurchase} kind: "customers who bought X also bought" and "frequently bought together",
 * ranked by lift or confidence. Training needs Neo4j; scoring uses the snapshot only. Registered whether or not Neo4j is reachable, so its models serve while the database is down; see
 * {@link GraphKind}.
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + CopurchaseKind.NAME)
public final class CopurchaseKind extends GraphKind {

    public static final String NAME = "graph.copurchase";

    static final List<ParameterSpec> PARAMETERS = IngestParameters.with(List.of(
            ParameterSpec.choice("basket", "order", List.of("order", "customer"),
                    "order: frequently bought together in one order; customer: customers who bought X also bought"),
            ParameterSpec.choice("rankBy", "lift", List.of("lift", "confidence", "count"),
                    "how partners are ranked; count is the raw-count baseline"),
            ParameterSpec.integer("minCount", 2, 1, 1_000_000, "pairs seen fewer times are ignored (lift is noisy on rare pairs)"),
            ParameterSpec.integer("neighbours", 50, 1, 10_000, "partners kept per product in the snapshot"),
            ParameterSpec.real("holdout", 0.2, 0, 0.9, "fraction of orders held back to measure hit-rate@10")));

    /** Declarative Services constructor. */
    @Activate
    public CopurchaseKind(BundleContext context) {
        this(new TrainingStore(TrainingStore.DEFAULT_WAIT), KindVersion.of(context));
    }

    /** For use outside OSGi (tests, benchmarks). */
    public CopurchaseKind(GraphStore store, String version) {
        this(TrainingStore.of(store), version);
    }

    CopurchaseKind(TrainingStore stores, String version) {
        super(NAME, version, "Co-purchase (also bought / bought together, lift and confidence) from the Neo4j order graph",
                PARAMETERS, stores);
    }

    @Override
    public Trainer newTrainer(HyperParameters hyperParameters) {
        return new CopurchaseTrainer(this, stores(), hyperParameters);
    }

    @Override
    public Scorer load(Path modelDirectory) throws ModelLoadException {
        return new CopurchaseScorer(CopurchaseFiles.read(modelDirectory));
    }
}
