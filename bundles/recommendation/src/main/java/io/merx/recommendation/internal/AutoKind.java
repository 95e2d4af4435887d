package io.merx.recommendation.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.merx.api.ModelKind;
import io.merx.compute.ComputeBackend;

/**
 * The {@code recommendation.auto} kind: tries ALS settings, item-kNN, EASE, LightGCN, SASRec and popularity on a
 * validation split of the training data and keeps the best ({@link AutoLearner}); provenance lists each candidate's figure. Same
 * request format, filters and popularity fallback as {@code recommendation.als}; the references are those of {@link
 * AlsKind}.
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + AutoKind.NAME,
        reference = {@Reference(name = "compute", service = ComputeBackend.class),
            @Reference(name = RecommendationKind.ACTIVITY, service = RecentActivity.class,
                    cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
                    policyOption = ReferencePolicyOption.GREEDY, bind = "bindActivity", unbind = "unbindActivity")})
public final class AutoKind extends RecommendationKind {

    public static final String NAME = "recommendation.auto";

    /** The one constructor: Declarative Services calls it, and so do tests and benchmarks. */
    public AutoKind() {
        super(NAME, "Chooses ALS (searched), item-kNN, EASE, LightGCN, SASRec or popularity by validation nDCG@10",
                RecommendationParameters.auto(), AutoLearner::new);
    }
}
