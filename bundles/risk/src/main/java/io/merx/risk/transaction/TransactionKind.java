package io.merx.risk.transaction;

import java.io.IOException;
import java.util.Optional;

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

    /** The one constructor: Declarative Services calls it, and tests and benchmarks. */
    public TransactionKind() {
        this(new Neo4jAccess(Neo4jAccess.DEFAULT_WAIT));
    }

    private TransactionKind(Neo4jAccess neo4j) {
        super(NAME, "Transaction fraud: calibrated probability, reason codes and allow/review/block from order, "
                + "velocity and Neo4j identifier-graph features (weighted L2 logistic regression)",
                TransactionTrainer.PARAMETERS, (kind, hp) -> new TransactionTrainer(kind, neo4j, hp),
                TransactionKind::loadScorer);
        this.neo4j = neo4j;
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

    private static TransactionScorer loadScorer(java.nio.file.Path directory) throws ModelLoadException {
        try {
            return new TransactionScorer(TransactionModelFiles.read(directory));
        } catch (IOException e) {
            throw new ModelLoadException(e.getMessage(), e);
        }
    }
}
