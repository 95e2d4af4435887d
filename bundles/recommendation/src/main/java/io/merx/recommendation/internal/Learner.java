package io.merx.recommendation.internal;

import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;

/**
 * What sets the recommendation kinds apart while training: ALS learns latent factors, popularity learns none
 * and ranks by distinct buyers. {@link RecommendationTrainer} does everything else the same way for both.
 */
interface Learner {

    /**
     * Learns from the interactions.
     *
     * @return the factors, or null when this learner has none
     */
    Factors fit(Interactions data, TrainingContext context) throws TrainingException;

    /** The training loss of the last {@link #fit}; NaN when it learned no factors. */
    double lastLoss();

    /** The model to save: the interactions with the factors {@link #fit} learned from them. */
    ModelData model(Interactions data, Factors factors);
}
