package io.merx.recommendation.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.merx.api.ModelKind;
import io.merx.compute.ComputeBackend;

/**
 * The {@code recommendation.ease} kind: Steck's closed-form item-item model ({@link Ease}), on at most {@code
 * maxItems} items; ND4J inverts the Gram matrix, which is what the compute reference is for. Same request format,
 * filters and popularity fallback as {@code recommendation.als}; the references are those of {@link AlsKind}.
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + EaseKind.NAME,
        reference = {@Reference(name = "compute", service = ComputeBackend.class),
            @Reference(name = RecommendationKind.ACTIVITY, service = RecentActivity.class,
                    cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
                    policyOption = ReferencePolicyOption.GREEDY, bind = "bindActivity", unbind = "unbindActivity")})
public final class EaseKind extends RecommendationKind {

    public static final String NAME = "recommendation.ease";

    /** The one constructor: Declarative Services calls it, and so do tests and benchmarks. */
    public EaseKind() {
        super(NAME, "EASE item-item autoencoder in closed form (ND4J), popularity fallback",
                RecommendationParameters.with(RecommendationParameters.EASE), Ease::of);
    }
}
