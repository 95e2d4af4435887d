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
 * The {@code graph.fraud} kind: accounts sharing devices, addresses, cards or IPs form rings (connected
 * components); an account or an order's attributes score by ring size, ring velocity and hops to known fraud,
 * with the shared identifiers as evidence. Training needs Neo4j; scoring uses the snapshot only. Registered whether or not Neo4j is reachable, so its models serve while the database is down; see
 * {@link GraphKind}.
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + FraudKind.NAME)
public final class FraudKind extends GraphKind {

    public static final String NAME = "graph.fraud";

    static final List<ParameterSpec> PARAMETERS = IngestParameters.with(List.of(
            ParameterSpec.integer("maxSharedAccounts", 50, 2, 1_000_000,
                    "identifiers used by more accounts are hubs (office IP, marketplace address) and link nothing"),
            ParameterSpec.integer("velocityDays", 7, 1, 3_650, "window, before the newest order, for ring velocity"),
            ParameterSpec.real("bias", 4, -100, 100, "risk = sigmoid(features . weights - bias)"),
            ParameterSpec.real("ringWeight", 1, 0, 100, "weight of ln(ring size)"),
            ParameterSpec.real("velocityWeight", 1, 0, 100, "weight of ln(1 + ring orders per day)"),
            ParameterSpec.real("proximityWeight", 4, 0, 100, "weight of 1 / hops to the nearest known fraud account"),
            ParameterSpec.real("knownFraudWeight", 6, 0, 100, "weight of the account itself being flagged"),
            ParameterSpec.real("holdout", 0.3, 0, 0.9, "fraction of fraud flags hidden to measure AUC")));

    /** Declarative Services constructor. */
    @Activate
    public FraudKind(BundleContext context) {
        this(new TrainingStore(TrainingStore.DEFAULT_WAIT), KindVersion.of(context));
    }

    /** For use outside OSGi (tests, benchmarks). */
    public FraudKind(GraphStore store, String version) {
        this(TrainingStore.of(store), version);
    }

    FraudKind(TrainingStore stores, String version) {
        super(NAME, version, "Fraud rings: accounts linked by shared devices, addresses, cards, IPs (Neo4j)",
                PARAMETERS, stores);
    }

    @Override
    public Trainer newTrainer(HyperParameters hyperParameters) {
        return new FraudTrainer(this, stores(), hyperParameters);
    }

    @Override
    public Scorer load(Path modelDirectory) throws ModelLoadException {
        return new FraudScorer(FraudFiles.read(modelDirectory));
    }
}
