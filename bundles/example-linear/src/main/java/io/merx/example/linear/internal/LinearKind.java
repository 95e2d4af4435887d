package io.merx.example.linear.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.ModelLoadException;
import io.merx.api.ParameterSpec;
import io.merx.api.Scorer;
import io.merx.api.Trainer;
import io.merx.compute.ComputeBackend;
import io.merx.sdk.kind.BaseKind;
import io.merx.sdk.kind.KindVersion;

/**
 * The {@code example.linear} kind. Its version follows the bundle version, so updating the bundle to 1.1.0
 * publishes kind 1.1.0 and the runtime reloads existing models with the new code. It starts once ND4J is
 * initialised: the compute reference is only that gate.
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + LinearKind.NAME,
        reference = @Reference(name = "compute", service = ComputeBackend.class))
public final class LinearKind extends BaseKind {

    public static final String NAME = "example.linear";

    static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.text("target", "", "column to predict (default: the last column); every other numeric column is a feature"),
            ParameterSpec.choice("task", "regression", List.of("regression", "classification"),
                    "regression: least squares; classification: logistic regression on a 0/1 target"),
            ParameterSpec.real("l2", 1e-3, 0, 1e6, "L2 penalty on the weights"),
            ParameterSpec.integer("epochs", 300, 1, 100_000, "gradient steps (classification only)"),
            ParameterSpec.real("learningRate", 0.5, 1e-6, 10, "gradient step size (classification only)"),
            ParameterSpec.real("holdout", 0.2, 0, 0.9, "fraction of rows held out to compute metrics"),
            ParameterSpec.integer("seed", 42, 0, Long.MAX_VALUE, "seed of the hold-out split"));

    /** Declarative Services constructor. */
    @Activate
    public LinearKind(BundleContext context) {
        this(KindVersion.of(context));
    }

    /** For use outside OSGi (unit tests, benchmarks). */
    public LinearKind(String version) {
        super(NAME, version, "Linear/logistic regression on numeric columns (ND4J)", PARAMETERS);
    }

    @Override
    public Trainer newTrainer(HyperParameters hyperParameters) {
        return new LinearTrainer(this, hyperParameters);
    }

    @Override
    public Scorer load(Path modelDirectory) throws ModelLoadException {
        return new LinearScorer(LinearModelFiles.read(modelDirectory));
    }

    @Override
    public Optional<Dataset> demoData() {
        return Optional.of(DemoData.houses(2_000, 7));
    }
}
