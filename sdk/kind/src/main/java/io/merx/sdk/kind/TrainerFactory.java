package io.merx.sdk.kind;

import org.osgi.annotation.versioning.ConsumerType;

import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.Trainer;

/**
 * How a kind makes its trainers; usually a trainer's constructor, {@code LinearTrainer::new}, handed to
 * {@link BaseKind}.
 */
@ConsumerType
@FunctionalInterface
public interface TrainerFactory {

    /**
     * A trainer for one training run.
     *
     * @param kind the kind the trainer trains for (its name and version go into the provenance)
     * @param hyperParameters the values {@link HyperParameters#of} validated against the kind's parameters
     * @return a new trainer
     * @throws IllegalArgumentException naming the hyper-parameter when a value is valid on its own but not
     *         usable (a malformed code, say), so the job fails before training starts
     */
    Trainer create(ModelKind kind, HyperParameters hyperParameters);
}
