package io.merx.recommendation.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.merx.api.ModelKind;
import io.merx.compute.ComputeBackend;

/**
 * The {@code recommendation.als} kind: implicit-feedback ALS with popularity fallback, fold-in of new users and
 * query-time filters. Its version follows the bundle version; it starts once ND4J is initialised (training uses
 * it), which is all the compute reference is for; the activity reference is the store of recent events
 * ({@link RecommendationKind}).
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + AlsKind.NAME,
        reference = {@Reference(name = "compute", service = ComputeBackend.class),
            @Reference(name = RecommendationKind.ACTIVITY, service = RecentActivity.class,
                    cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
                    policyOption = ReferencePolicyOption.GREEDY, bind = "bindActivity", unbind = "unbindActivity")})
public final class AlsKind extends RecommendationKind {

    public static final String NAME = "recommendation.als";

    /** The one constructor: Declarative Services calls it, and so do tests and benchmarks. */
    public AlsKind() {
        super(NAME, "Implicit-feedback ALS recommendations (top-K, similar items, fold-in) with popularity fallback",
                RecommendationParameters.als(), hp -> new AlsLearner(AlsConfig.of(hp), hp.getString("weighting")));
    }
}
