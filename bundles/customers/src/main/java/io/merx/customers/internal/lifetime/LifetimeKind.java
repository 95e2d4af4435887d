package io.merx.customers.internal.lifetime;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;
import io.merx.compute.ComputeBackend;
import io.merx.customers.internal.DemoOrders;
import io.merx.sdk.kind.BaseKind;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code customers.lifetime}: BG/NBD purchases and Gamma-Gamma spend per customer (Fader, Hardie and Lee 2005),
 * fitted by maximum likelihood on a calibration period and judged on the hold-out. Needs no ND4J; the compute
 * reference only keeps it in step with the module's other kinds (registered once Merx is initialised).
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + LifetimeKind.NAME,
        reference = @Reference(name = "compute", service = ComputeBackend.class))
public final class LifetimeKind extends BaseKind {

    public static final String NAME = "customers.lifetime";

    /** The one constructor: Declarative Services calls it, and so do tests and benchmarks. */
    public LifetimeKind() {
        super(NAME, "Customer lifetime value: BG/NBD purchases, Gamma-Gamma spend, P(alive), expected value with "
                + "intervals; calibration/hold-out evaluation", LifetimeSettings.PARAMETERS, LifetimeTrainer::new,
                dir -> new LifetimeScorer(LifetimeFiles.read(dir)));
    }

    @Override
    public Optional<Dataset> demoData() {
        return Optional.of(DemoOrders.lines());
    }
}
