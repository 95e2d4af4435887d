package io.merx.forecasting.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;
import io.merx.compute.ComputeBackend;
import io.merx.sdk.kind.BaseKind;

/**
 * The {@code forecasting.demand} kind: many series per model, forecasts with intervals, inventory advice and
 * plots. Its version follows the bundle version; it starts once ND4J is initialised (the MLP trains with
 * ND4J/DL4J), which is all the compute reference is for.
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + ForecastingKind.NAME,
        reference = @Reference(name = "compute", service = ComputeBackend.class))
public final class ForecastingKind extends BaseKind {

    public static final String NAME = "forecasting.demand";

    /** The one constructor: Declarative Services calls it, and so do tests and benchmarks. */
    public ForecastingKind() {
        super(NAME, "Demand forecasting for many series: ETS (AICc), Theta, seasonal naive, Croston-SBA, "
                + "global MLP, ensemble; intervals, backtests, inventory advice, SVG plots", Settings.PARAMETERS,
                ForecastTrainer::new, dir -> new ForecastScorer(ModelFiles.read(dir)));
    }

    @Override
    public Optional<Dataset> demoData() {
        return Optional.of(DemoData.retail(36, 60, 7));
    }
}
