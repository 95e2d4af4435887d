package io.merx.recommendation.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;
import io.merx.compute.ComputeBackend;

/**
 * The {@code recommendation.sequential} kind: a SASRec self-attention model of each user's time-ordered items
 * ({@link SasrecLearner}); a user's next items are scored from their latest items, with the request's
 * {@code recentItems} and the store's fresh events appended. Same request format, filters and popularity fallback as
 * {@code recommendation.als}; the references are those of {@link AlsKind}. Its demo shop has an order signal.
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + SequentialKind.NAME,
        reference = {@Reference(name = "compute", service = ComputeBackend.class),
            @Reference(name = RecommendationKind.ACTIVITY, service = RecentActivity.class,
                    cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
                    policyOption = ReferencePolicyOption.GREEDY, bind = "bindActivity", unbind = "unbindActivity")})
public final class SequentialKind extends RecommendationKind {

    public static final String NAME = "recommendation.sequential";

    /** The one constructor: Declarative Services calls it, and so do tests and benchmarks. */
    public SequentialKind() {
        super(NAME, "SASRec self-attention next-item model of each user's latest items, popularity fallback",
                RecommendationParameters.with(RecommendationParameters.SEQUENTIAL), SasrecLearner::of);
    }

    @Override
    public java.util.Optional<Dataset> demoData() {
        return java.util.Optional.of(DemoData.orderedShop());
    }
}
