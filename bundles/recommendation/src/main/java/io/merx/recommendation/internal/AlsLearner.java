package io.merx.recommendation.internal;

import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;

/** Learns user and item factors by implicit ALS; each fit starts afresh from the seed. */
final class AlsLearner implements Learner {

    private final AlsConfig config;
    private double lastLoss = Double.NaN;

    AlsLearner(AlsConfig config) {
        this.config = config;
    }

    @Override
    public Factors fit(Interactions data, TrainingContext context) throws TrainingException {
        ImplicitAls als = new ImplicitAls(config);
        Factors factors = als.fit(data, context);
        lastLoss = als.lastLoss();
        return factors;
    }

    @Override
    public double lastLoss() {
        return lastLoss;
    }

    @Override
    public ModelData model(Interactions data, Factors factors) {
        return ModelData.of(data, factors, config.alpha(), config.regularisation(), config.scaleRegularisation());
    }
}
