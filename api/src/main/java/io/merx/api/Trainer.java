package io.merx.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Fits a model of one kind on a dataset. Obtained from {@link ModelKind#newTrainer}, which fixes its
 * hyper-parameters; a trainer is used for one training run and need not be thread-safe.
 *
 * <pre>{@code
 * Trainer trainer = kind.newTrainer(HyperParameters.of(kind.parameters(), Map.of("epochs", 50)));
 * try (TrainedModel model = trainer.train(dataset, TrainingContext.silent())) {
 *     model.save(dir);
 * }
 * }</pre>
 */
@ConsumerType
public interface Trainer {

    /** The validated hyper-parameters this trainer was created with. */
    HyperParameters hyperParameters();

    /**
     * Trains a model. Implementations report progress through the context, check
     * {@link TrainingContext#isCancelled()} between steps, and are deterministic for a fixed {@code seed}
     * hyper-parameter where they have one.
     *
     * @throws IllegalArgumentException naming the column and problem when the dataset does not fit this kind
     * @throws TrainingException when training fails for another reason (diverged, cancelled)
     */
    TrainedModel train(Dataset data, TrainingContext context) throws TrainingException;
}
