package io.merx.graph.internal;

import org.osgi.service.component.annotations.Component;

import io.merx.api.ModelKind;

/**
 * The {@code graph.fraud} kind: accounts sharing devices, addresses, cards or IPs form rings (connected
 * components); an account or an order's attributes score by ring size, ring velocity and hops to known fraud,
 * with the shared identifiers as evidence. Training needs Neo4j; scoring uses the snapshot only. Registered whether or not Neo4j is reachable, so its models serve while the database is down; see
 * {@link GraphKind}.
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + FraudKind.NAME)
public final class FraudKind extends GraphKind {

    public static final String NAME = "graph.fraud";

    /** The one constructor: Declarative Services calls it, and tests and benchmarks, who then bind a store. */
    public FraudKind() {
        super(NAME, "Fraud rings: accounts linked by shared devices, addresses, cards, IPs (Neo4j)",
                FraudTrainer.PARAMETERS, FraudTrainer::new, dir -> new FraudScorer(FraudFiles.read(dir)));
    }
}
