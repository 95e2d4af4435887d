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
import io.merx.graph.GraphStore;

/**
 * The {@code graph.copurchase} kind: "customers who bought X also bought" and "frequently bought together",
 * ranked by lift or confidence. Training needs Neo4j; scoring uses the snapshot only. Registered whether or not
 * Neo4j is reachable, so its models serve while the database is down; see {@link TrainingStore}.
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + CopurchaseKind.NAME)
public final class CopurchaseKind implements ModelKind {

    public static final String NAME = "graph.copurchase";

    static final List<ParameterSpec> PARAMETERS = IngestParameters.with(List.of(
            ParameterSpec.choice("basket", "order", List.of("order", "customer"),
                    "order: frequently bought together in one order; customer: customers who bought X also bought"),
            ParameterSpec.choice("rankBy", "lift", List.of("lift", "confidence", "count"),
                    "how partners are ranked; count is the raw-count baseline"),
            ParameterSpec.integer("minCount", 2, 1, 1_000_000, "pairs seen fewer times are ignored (lift is noisy on rare pairs)"),
            ParameterSpec.integer("neighbours", 50, 1, 10_000, "partners kept per product in the snapshot"),
            ParameterSpec.real("holdout", 0.2, 0, 0.9, "fraction of orders held back to measure hit-rate@10")));

    private final TrainingStore stores;
    private final String version;

    @Activate
    public CopurchaseKind(BundleContext context) {
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
    public CopurchaseKind(GraphStore store, String version) {
        this(TrainingStore.of(store), version);
    }

    CopurchaseKind(TrainingStore stores, String version) {
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
        return "Co-purchase (also bought / bought together, lift and confidence) from the Neo4j order graph";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public Trainer newTrainer(HyperParameters hyperParameters) {
        return new CopurchaseTrainer(this, stores, hyperParameters);
    }

    @Override
    public Scorer load(Path modelDirectory) throws ModelLoadException {
        return new CopurchaseScorer(CopurchaseFiles.read(modelDirectory));
    }

    @Override
    public Optional<Dataset> demoData() {
        return Optional.of(DemoShop.generate(DemoShop.DEFAULT_ORDERS, DemoShop.DEFAULT_SEED));
    }
}
