package io.merx.recommendation.internal;

import io.merx.api.TrainingContext;

/** Learns nothing beyond the interactions themselves: the scorer ranks items by distinct buyers. */
final class PopularityLearner implements Learner {

    @Override
    public ModelData fit(Interactions data, TrainingContext context) {
        return ModelData.of(data, null, 0, 0, false);
    }

    @Override
    public String toString() {
        return Method.POPULARITY;
    }
}
