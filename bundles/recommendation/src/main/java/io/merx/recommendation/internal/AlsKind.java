package io.merx.recommendation.internal;

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
 * The {@code recommendation.als} kind: implicit-feedback ALS with popularity fallback, fold-in of new users and
 * query-time filters. Its version follows the bundle version.
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + AlsKind.NAME)
public final class AlsKind implements ModelKind {

    public static final String NAME = "recommendation.als";

    private final String version;

    /** Declarative Services constructor: training uses ND4J, hence the compute reference. */
    @Activate
    public AlsKind(BundleContext context, @Reference ComputeBackend compute) {
        Version v = context.getBundle().getVersion();
        this.version = v.getMajor() + "." + v.getMinor() + "." + v.getMicro();
    }

    /** For use outside OSGi (unit tests, benchmarks). */
    public AlsKind(String version) {
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
        return "Implicit-feedback ALS recommendations (top-K, similar items, fold-in) with popularity fallback";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return RecommendationParameters.als();
    }

    @Override
    public Trainer newTrainer(HyperParameters hyperParameters) {
        return new RecommendationTrainer(this, hyperParameters, true);
    }

    @Override
    public Scorer load(Path modelDirectory) throws ModelLoadException {
        return new RecommendationScorer(ModelFiles.read(modelDirectory, NAME));
    }

    @Override
    public Optional<Dataset> demoData() {
        return Optional.of(DemoData.shop());
    }
}
