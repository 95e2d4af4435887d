package io.merx.example.linear.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;
import io.merx.compute.ComputeBackend;
import io.merx.sdk.kind.BaseKind;

/**
 * The {@code example.linear} kind. Its version follows the bundle version, so updating the bundle to 1.1.0
 * publishes kind 1.1.0 and the runtime reloads existing models with the new code. It starts once ND4J is
 * initialised: the compute reference is only that gate.
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + LinearKind.NAME,
        reference = @Reference(name = "compute", service = ComputeBackend.class))
public final class LinearKind extends BaseKind {

    public static final String NAME = "example.linear";

    /** The one constructor: Declarative Services calls it, and so do tests. */
    public LinearKind() {
        super(NAME, "Linear/logistic regression on numeric columns (ND4J)", LinearTrainer.PARAMETERS,
                LinearTrainer::new, dir -> new LinearScorer(LinearModelFiles.read(dir)));
    }

    @Override
    public Optional<Dataset> demoData() {
        return Optional.of(DemoData.houses(2_000, 7));
    }
}
