package io.merx.recommendation.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ModelLoadException;
import io.merx.api.ParameterSpec;
import io.merx.api.Scorer;
import io.merx.api.Trainer;
import io.merx.sdk.kind.BaseKind;

/**
 * What the recommendation kinds share: the trainer, the scorer, the request format and the demo shop. A kind
 * differs only in its name, its parameters and its {@link Learner}.
 */
public abstract class RecommendationKind extends BaseKind {

    private final Function<HyperParameters, Learner> learner;

    RecommendationKind(String name, String version, String description, List<ParameterSpec> parameters,
            Function<HyperParameters, Learner> learner) {
        super(name, version, description, parameters);
        this.learner = learner;
    }

    @Override
    public final Trainer newTrainer(HyperParameters hyperParameters) {
        return new RecommendationTrainer(this, hyperParameters, learner.apply(hyperParameters));
    }

    /** Refuses an artifact of the other recommendation kind: same files, different meaning. */
    @Override
    public final Scorer load(Path modelDirectory) throws ModelLoadException {
        return new RecommendationScorer(ModelFiles.read(modelDirectory, name()));
    }

    @Override
    public final Optional<Dataset> demoData() {
        return Optional.of(DemoData.shop());
    }
}
