package io.merx.recommendation.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.merx.api.ModelKind;
import io.merx.compute.ComputeBackend;
import io.merx.sdk.kind.KindVersion;

/**
 * The {@code recommendation.popularity} kind: the most popular items (distinct buyers), with the same filters and
 * request format as ALS; the baseline and fallback. Its version follows the bundle version; the compute
 * reference keeps it from starting before ND4J, which reading the model files initialises.
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + PopularityKind.NAME,
        reference = @Reference(name = "compute", service = ComputeBackend.class))
public final class PopularityKind extends RecommendationKind {

    public static final String NAME = "recommendation.popularity";

    /** Declarative Services constructor. */
    @Activate
    public PopularityKind(BundleContext context) {
        this(KindVersion.of(context));
    }

    /** For use outside OSGi (unit tests, benchmarks). */
    public PopularityKind(String version) {
        super(NAME, version, "Most popular items (baseline and fallback for recommendations)",
                RecommendationParameters.COMMON, hp -> new PopularityLearner());
    }
}
