package io.merx.pricing.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;
import io.merx.compute.ComputeBackend;
import io.merx.sdk.kind.BaseKind;

/**
 * The {@code pricing.demand} kind: trains price elasticities from sales history and scores {@code elasticity},
 * {@code predict} and {@code optimize} requests. Its version follows the bundle version; it starts once ND4J
 * is initialised (the estimator uses it), which is all the compute reference is for.
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + PricingKind.NAME,
        reference = @Reference(name = "compute", service = ComputeBackend.class))
public final class PricingKind extends BaseKind {

    public static final String NAME = "pricing.demand";

    /** The one constructor: Declarative Services calls it, and so do tests and benchmarks. */
    public PricingKind() {
        super(NAME, "Price elasticities (hierarchical log-log demand) and price optimisation under constraints (ND4J)",
                PricingTrainer.PARAMETERS, PricingTrainer::new, dir -> new PricingScorer(PricingFiles.read(dir)));
    }

    @Override
    public Optional<Dataset> demoData() {
        return Optional.of(MarketSimulator.demoData());
    }
}
