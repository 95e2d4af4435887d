package io.merx.sdk.kind;

import java.util.Map;
import java.util.Objects;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.Provenance;
import io.merx.api.Trainer;
import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;

/**
 * What every trainer starts with: the kind it trains for and the hyper-parameters, already validated against
 * the kind's {@link ModelKind#parameters()}. A trainer extends it and writes only {@link #train}.
 *
 * <pre>{@code
 * final class LinearTrainer extends BaseTrainer {
 *     LinearTrainer(ModelKind kind, HyperParameters hp) { super(kind, hp); }
 *
 *     public TrainedModel train(Dataset data, TrainingContext context) throws TrainingException {
 *         ... fit on the training rows, measure on the held-out rows ...
 *         checkCancelled(context, "after the fit");
 *         return TrainedModel.of(provenance(data, metrics), schema, warmup, dir -> files.write(dir));
 *     }
 * }
 * }</pre>
 */
public abstract class BaseTrainer implements Trainer {

    /** The kind this trainer trains for; its name and version go into the provenance. */
    protected final ModelKind kind;

    /** The validated hyper-parameters of this training run. */
    protected final HyperParameters hp;

    /**
     * A trainer for a kind, with validated hyper-parameters.
     *
     * @param kind the kind whose {@link ModelKind#newTrainer} creates this trainer
     * @param hyperParameters the values {@link HyperParameters#of} validated against the kind's parameters
     */
    protected BaseTrainer(ModelKind kind, HyperParameters hyperParameters) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.hp = Objects.requireNonNull(hyperParameters, "hyperParameters");
    }

    /** {@inheritDoc} */
    @Override
    public final HyperParameters hyperParameters() {
        return hp;
    }

    /**
     * The provenance of a model trained now by this trainer on {@code data}.
     *
     * @param data the training data
     * @param metrics held-out figures of the model
     * @return provenance naming this kind, its version, the hyper-parameters and the data
     */
    protected final Provenance provenance(Dataset data, Map<String, Double> metrics) {
        return Provenance.now(kind, hp, data, metrics);
    }

    /**
     * Stops the training run when its job was cancelled.
     *
     * @param context the run's context
     * @param when where the run stands, for the job's message ({@code "after the hold-out fit"})
     * @throws TrainingException {@code "cancelled " + when} when the job was cancelled
     */
    protected static void checkCancelled(TrainingContext context, String when) throws TrainingException {
        if (context.isCancelled()) {
            throw new TrainingException("cancelled " + when);
        }
    }

    /** The kind and the hyper-parameters, as a job's log shows them. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + kind.name() + " " + kind.version() + ", " + hp + "]";
    }
}
