package io.merx.graph.internal;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.ParameterSpec;
import io.merx.api.Trainer;
import io.merx.graph.GraphStore;
import io.merx.sdk.kind.BaseKind;
import io.merx.sdk.kind.ScorerLoader;

/**
 * What the graph kinds share: Neo4j as an optional, dynamic reference that only training needs (scoring reads
 * the model's snapshot, so the kinds register and serve whether or not the database answers), the ingestion
 * parameters and the demo shop. The store reaches a kind one way only, through {@link #bindStore}: Declarative
 * Services calls it in the container, tests and benchmarks call it themselves.
 * bnd reads the {@link Reference} below for every subclass because Merx's shared bnd instructions (root pom)
 * set {@code -dsannotations-options: inherit}; {@code GraphKindComponentsTest} checks that it does.
 */
public abstract class GraphKind extends BaseKind {

    /** How a graph kind makes its trainers: a graph trainer's constructor. */
    interface GraphTrainers {
        Trainer create(ModelKind kind, TrainingStore stores, HyperParameters hp);
    }

    private final TrainingStore stores;

    /**
     * A graph kind whose parameters are the ingestion parameters followed by its own.
     */
    GraphKind(String name, String description, List<ParameterSpec> own, GraphTrainers trainers,
            ScorerLoader loader) {
        this(new TrainingStore(TrainingStore.DEFAULT_WAIT), name, description, own, trainers, loader);
    }

    private GraphKind(TrainingStore stores, String name, String description, List<ParameterSpec> own,
            GraphTrainers trainers, ScorerLoader loader) {
        super(name, description, IngestParameters.with(own), (kind, hp) -> trainers.create(kind, stores, hp), loader);
        this.stores = stores;
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

    /** Where this kind's trainers find Neo4j. */
    TrainingStore stores() {
        return stores;
    }

    @Override
    public final Optional<Dataset> demoData() {
        return Optional.of(DemoShop.generate(DemoShop.DEFAULT_ORDERS, DemoShop.DEFAULT_SEED));
    }
}
