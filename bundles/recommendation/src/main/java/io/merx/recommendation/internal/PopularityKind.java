package io.merx.recommendation.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.merx.api.ModelKind;
import io.merx.compute.ComputeBackend;

/**
 * The {@code recommendation.popularity} kind: the most popular items (distinct buyers), with the same filters and
 * request format as ALS; the baseline and fallback. Its version follows the bundle version; the compute
 * reference keeps it from starting before ND4J, which reading the model files initialises; the activity reference is the store of recent events
 * ({@link RecommendationKind}).
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + PopularityKind.NAME,
        reference = {@Reference(name = "compute", service = ComputeBackend.class),
            @Reference(name = RecommendationKind.ACTIVITY, service = RecentActivity.class,
                    cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
                    policyOption = ReferencePolicyOption.GREEDY, bind = "bindActivity", unbind = "unbindActivity")})
public final class PopularityKind extends RecommendationKind {

    public static final String NAME = "recommendation.popularity";

    /** The one constructor: Declarative Services calls it, and so do tests and benchmarks. */
    public PopularityKind() {
        super(NAME, "Most popular items (baseline and fallback for recommendations)",
                RecommendationParameters.COMMON, hp -> new PopularityLearner());
    }
}
