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
 * The {@code recommendation.popularity} kind: the most popular items (distinct buyers), with the same filters and
 * request format as ALS; the baseline and fallback. Its version follows the bundle version.
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + PopularityKind.NAME)
public final class PopularityKind implements ModelKind {

    public static final String NAME = "recommendation.popularity";

    private final String version;

    /** Declarative Services constructor; the compute reference keeps ND4J initialised for the model files. */
    @Activate
    public PopularityKind(BundleContext context, @Reference ComputeBackend compute) {
        Version v = context.getBundle().getVersion();
        this.version = v.getMajor() + "." + v.getMinor() + "." + v.getMicro();
    }

    /** For use outside OSGi (unit tests, benchmarks). */
    public PopularityKind(String version) {
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
        return "Most popular items (baseline and fallback for recommendations)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return RecommendationParameters.COMMON;
    }

    @Override
    public Trainer newTrainer(HyperParameters hyperParameters) {
        return new RecommendationTrainer(this, hyperParameters, false);
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
