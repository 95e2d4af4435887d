package io.merx.recommendation.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.merx.api.ModelKind;
import io.merx.compute.ComputeBackend;

/**
 * The {@code recommendation.itemknn} kind: a user's items vote for their most similar items ({@link ItemKnn}). Same
 * request format, filters and popularity fallback as {@code recommendation.als}; the references are those of {@link
 * AlsKind}.
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + ItemKnnKind.NAME,
        reference = {@Reference(name = "compute", service = ComputeBackend.class),
            @Reference(name = RecommendationKind.ACTIVITY, service = RecentActivity.class,
                    cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
                    policyOption = ReferencePolicyOption.GREEDY, bind = "bindActivity", unbind = "unbindActivity")})
public final class ItemKnnKind extends RecommendationKind {

    public static final String NAME = "recommendation.itemknn";

    /** The one constructor: Declarative Services calls it, and so do tests and benchmarks. */
    public ItemKnnKind() {
        super(NAME, "Item-item cosine neighbours with shrinkage (top-N per item), popularity fallback",
                RecommendationParameters.with(RecommendationParameters.ITEM_KNN), ItemKnn::of);
    }
}
