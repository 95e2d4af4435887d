package io.merx.recommendation.internal;

import io.merx.api.TrainingContext;

/** Learns nothing beyond the interactions themselves: the scorer ranks items by distinct buyers. */
final class PopularityLearner implements Learner {

    @Override
    public Factors fit(Interactions data, TrainingContext context) {
        return null;
    }

    @Override
    public double lastLoss() {
        return Double.NaN;
    }

    @Override
    public ModelData model(Interactions data, Factors factors) {
        return ModelData.of(data, null, 0, 0, false);
    }
}
