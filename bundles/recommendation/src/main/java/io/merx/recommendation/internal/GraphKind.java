package io.merx.recommendation.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.merx.api.ModelKind;
import io.merx.compute.ComputeBackend;

/**
 * The {@code recommendation.graph} kind: LightGCN on the user-item graph ({@link GraphLearner}), scored like ALS
 * from the propagated embeddings; same request format, filters and popularity fallback as
 * {@code recommendation.als}. The compute reference is there because the embeddings are stored in ND4J's format.
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + GraphKind.NAME,
        reference = {@Reference(name = "compute", service = ComputeBackend.class),
            @Reference(name = RecommendationKind.ACTIVITY, service = RecentActivity.class,
                    cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
                    policyOption = ReferencePolicyOption.GREEDY, bind = "bindActivity", unbind = "unbindActivity")})
public final class GraphKind extends RecommendationKind {

    public static final String NAME = "recommendation.graph";

    /** The one constructor: Declarative Services calls it, and so do tests and benchmarks. */
    public GraphKind() {
        super(NAME, "LightGCN embeddings of the user-item graph (BPR, early stopping), popularity fallback",
                RecommendationParameters.with(GraphParameters.ALL), GraphLearner::of);
    }
}
