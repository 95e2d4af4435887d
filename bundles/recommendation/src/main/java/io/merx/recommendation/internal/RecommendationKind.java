package io.merx.recommendation.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ParameterSpec;
import io.merx.sdk.kind.BaseKind;

/**
 * What the recommendation kinds share: the trainer, the scorer, the request format and the demo shop. A kind
 * differs only in its name, its parameters and its {@link Learner}.
 */
public abstract class RecommendationKind extends BaseKind {

    /** Refuses, when loading, an artifact of the other recommendation kind: same files, different meaning. */
    RecommendationKind(String name, String description, List<ParameterSpec> parameters,
            Function<HyperParameters, Learner> learner) {
        super(name, description, parameters, (kind, hp) -> new RecommendationTrainer(kind, hp, learner.apply(hp)),
                dir -> new RecommendationScorer(ModelFiles.read(dir, name)));
    }

    @Override
    public final Optional<Dataset> demoData() {
        return Optional.of(DemoData.shop());
    }
}
