package io.merx.customers.internal.propensity;

import java.io.IOException;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;
import io.merx.api.ModelLoadException;
import io.merx.compute.ComputeBackend;
import io.merx.customers.internal.DemoOrders;
import io.merx.sdk.kind.BaseKind;

/**
 * {@code customers.propensity}: the calibrated probability that a customer buys (or churns) in the next
 * horizonDays, from behaviour features of their order lines, with reason codes.
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + PropensityKind.NAME,
        reference = @Reference(name = "compute", service = ComputeBackend.class))
public final class PropensityKind extends BaseKind {

    public static final String NAME = "customers.propensity";

    public PropensityKind() {
        super(NAME, "Purchase or churn propensity in a horizon: L2 logistic regression (ND4J) on behaviour "
                + "features, Platt-calibrated, with reason codes", PropensityTrainer.PARAMETERS,
                PropensityTrainer::new, PropensityKind::loadScorer);
    }

    /** The demo shop every customer kind trains on ({@link DemoOrders}): two years, groups that lapse differently. */
    @Override
    public Optional<Dataset> demoData() {
        return Optional.of(DemoOrders.lines());
    }

    private static PropensityScorer loadScorer(java.nio.file.Path directory) throws ModelLoadException {
        try {
            return new PropensityScorer(PropensityModelFiles.read(directory));
        } catch (IOException e) {
            throw new ModelLoadException(e.getMessage(), e);
        }
    }
}
