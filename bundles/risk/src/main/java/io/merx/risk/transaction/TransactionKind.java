package io.merx.risk.transaction;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;
import io.merx.api.ModelLoadException;
import io.merx.graph.GraphStore;
import io.merx.sdk.kind.BaseKind;

/**
 * {@code risk.transaction}: the calibrated probability that an order is fraudulent, from order, velocity and
 * identifier-graph features, with reason codes and an allow / review / block decision at stated costs. Neo4j is an
 * optional, dynamic reference that only training with {@code graphFeatures=neo4j} needs: models score from their
 * snapshots whether or not the database answers.
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + TransactionKind.NAME)
public final class TransactionKind extends BaseKind {

    public static final String NAME = "risk.transaction";

    private final Neo4jAccess neo4j;
    private final AtomicReference<OrderActivity> activity;

    /** The one constructor: Declarative Services calls it, and tests and benchmarks. */
    public TransactionKind() {
        this(new Neo4jAccess(Neo4jAccess.DEFAULT_WAIT), new AtomicReference<>(OrderActivity.NONE));
    }

    private TransactionKind(Neo4jAccess neo4j, AtomicReference<OrderActivity> activity) {
        super(NAME, "Transaction fraud: calibrated probability, reason codes and allow/review/block from order, "
                + "velocity and Neo4j identifier-graph features (weighted L2 logistic regression)",
                TransactionTrainer.PARAMETERS, (kind, hp) -> new TransactionTrainer(kind, neo4j, hp),
                dir -> loadScorer(dir, activity::get));
        this.neo4j = neo4j;
        this.activity = activity;
    }

    /** The bundle's online order memory; scorers read it on every request, so it may come and go. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindActivity(OrderActivity store) {
        activity.set(store);
    }

    void unbindActivity(OrderActivity store) {
        activity.compareAndSet(store, OrderActivity.NONE);
    }

    /** Neo4j connected; it may come and go while models serve. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindStore(GraphStore store) {
        neo4j.bind(store);
    }

    void unbindStore(GraphStore store) {
        neo4j.unbind(store);
    }

    /** The demo shop: {@link FraudScenario#DEMO}, some 10,500 orders of which about 5 % fraudulent. */
    @Override
    public Optional<Dataset> demoData() {
        return Optional.of(SimulatedShop.orders(FraudScenario.DEMO));
    }

    private static TransactionScorer loadScorer(java.nio.file.Path directory, Supplier<OrderActivity> activity)
            throws ModelLoadException {
        try {
            return new TransactionScorer(TransactionModelFiles.read(directory), activity);
        } catch (IOException e) {
            throw new ModelLoadException(e.getMessage(), e);
        }
    }
}
