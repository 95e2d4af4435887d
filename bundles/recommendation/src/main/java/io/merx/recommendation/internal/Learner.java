package io.merx.recommendation.internal;

import java.util.Map;

import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;

/**
 * What sets the recommendation kinds apart while training: ALS learns latent factors, item-kNN and EASE an
 * item-item matrix, popularity nothing. {@link RecommendationTrainer} does everything else the same way for all.
 */
interface Learner {

    /** Learns from the interactions the model a scorer will answer from. */
    ModelData fit(Interactions data, TrainingContext context) throws TrainingException;

    /** Figures about the last {@link #fit} for the provenance (training loss, what was chosen); none by default. */
    default Map<String, Double> notes() {
        return Map.of();
    }

    /**
     * The learner for the final fit after a first {@link #fit} on the evaluation split: this one, except for a
     * learner that chooses ({@link AutoLearner}), which keeps the choice rather than choosing again.
     */
    default Learner chosen() {
        return this;
    }
}
