package io.merx.graph.internal;

import org.osgi.service.component.annotations.Component;

import io.merx.api.ModelKind;

/**
 * The {@code graph.copurchase} kind: "customers who bought X also bought" and "frequently bought together",
 * ranked by lift or confidence. Training needs Neo4j; scoring uses the snapshot only. Registered whether or not Neo4j is reachable, so its models serve while the database is down; see
 * {@link GraphKind}.
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + CopurchaseKind.NAME)
public final class CopurchaseKind extends GraphKind {

    public static final String NAME = "graph.copurchase";

    /** The one constructor: Declarative Services calls it, and tests and benchmarks, who then bind a store. */
    public CopurchaseKind() {
        super(NAME, "Co-purchase (also bought / bought together, lift and confidence) from the Neo4j order graph",
                CopurchaseTrainer.PARAMETERS, CopurchaseTrainer::new,
                dir -> new CopurchaseScorer(CopurchaseFiles.read(dir)));
    }
}
