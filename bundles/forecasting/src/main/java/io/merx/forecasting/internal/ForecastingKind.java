package io.merx.forecasting.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
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

/**
 * The {@code forecasting.demand} kind: many series per model, forecasts with intervals, inventory advice and
 * plots. Its version follows the bundle version.
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + ForecastingKind.NAME)
public final class ForecastingKind implements ModelKind {

    public static final String NAME = "forecasting.demand";

    private final String version;

    /** Declarative Services constructor: the MLP trains with ND4J/DL4J, hence the compute reference. */
    @Activate
    public ForecastingKind(BundleContext context, @Reference ComputeBackend compute) {
        Version v = context.getBundle().getVersion();
        this.version = v.getMajor() + "." + v.getMinor() + "." + v.getMicro();
    }

    /** For use outside OSGi (unit tests, benchmarks). */
    public ForecastingKind(String version) {
        this.version = version;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String description() {
        return "Demand forecasting for many series: ETS (AICc), Theta, seasonal naive, Croston-SBA, global MLP, "
                + "ensemble; intervals, backtests, inventory advice, SVG plots";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return Settings.PARAMETERS;
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
