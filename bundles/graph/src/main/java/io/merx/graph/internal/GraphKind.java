package io.merx.graph.internal;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.merx.api.Dataset;
import io.merx.api.ParameterSpec;
import io.merx.graph.GraphStore;
import io.merx.sdk.kind.BaseKind;

/**
 * What the graph kinds share: Neo4j as an optional, dynamic reference that only training needs (scoring reads
 * the model's snapshot, so the kinds register and serve whether or not the database answers), and the demo shop.
 * bnd reads the {@link Reference} below for every subclass because Merx's shared bnd instructions (root pom)
 * set {@code -dsannotations-options: inherit}; {@code GraphKindComponentsTest} checks that it does.
 */
public abstract class GraphKind extends BaseKind {

    private final TrainingStore stores;

    GraphKind(String name, String version, String description, List<ParameterSpec> parameters,
            TrainingStore stores) {
        super(name, version, description, parameters);
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
