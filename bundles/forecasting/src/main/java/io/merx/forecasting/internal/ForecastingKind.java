package io.merx.forecasting.internal;

import java.nio.file.Path;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.ModelLoadException;
import io.merx.api.Scorer;
import io.merx.api.Trainer;
import io.merx.compute.ComputeBackend;
import io.merx.sdk.kind.BaseKind;
import io.merx.sdk.kind.KindVersion;

/**
 * The {@code forecasting.demand} kind: many series per model, forecasts with intervals, inventory advice and
 * plots. Its version follows the bundle version; it starts once ND4J is initialised (the MLP trains with
 * ND4J/DL4J), which is all the compute reference is for.
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + ForecastingKind.NAME,
        reference = @Reference(name = "compute", service = ComputeBackend.class))
public final class ForecastingKind extends BaseKind {

    public static final String NAME = "forecasting.demand";

    /** Declarative Services constructor. */
    @Activate
    public ForecastingKind(BundleContext context) {
        this(KindVersion.of(context));
    }

    /** For use outside OSGi (unit tests, benchmarks). */
    public ForecastingKind(String version) {
        super(NAME, version, "Demand forecasting for many series: ETS (AICc), Theta, seasonal naive, Croston-SBA, "
                + "global MLP, ensemble; intervals, backtests, inventory advice, SVG plots", Settings.PARAMETERS);
    }

    @Override
    public Trainer newTrainer(HyperParameters hyperParameters) {
        Settings.of(hyperParameters); // refuses a malformed ETS code before any training starts
        return new ForecastTrainer(this, hyperParameters);
    }

    @Override
    public Scorer load(Path modelDirectory) throws ModelLoadException {
        return new ForecastScorer(ModelFiles.read(modelDirectory));
    }

    @Override
    public Optional<Dataset> demoData() {
        return Optional.of(DemoData.retail(36, 60, 7));
    }
}
