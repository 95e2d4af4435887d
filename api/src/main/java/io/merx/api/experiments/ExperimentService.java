package io.merx.api.experiments;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.merx.api.ModelLoadException;
import io.merx.api.runtime.ModelNotFoundException;

/**
 * Runs A/B experiments: starts a canary of a candidate version, evaluates a sequential test on the online metrics
 * of both arms on a schedule, and promotes or rolls back the candidate when it is decided. Experiments are stored
 * durably and continue after a restart. Registered by the {@code merx-experiments} bundle.
 *
 * <pre>{@code
 * ExperimentReport started = experiments.start(ExperimentSpec.builder("recs", "4").percent(20).build());
 * ExperimentReport now = experiments.get(started.id()).orElseThrow();
 * if (now.state() == ExperimentState.PROMOTED) { ... }
 * }</pre>
 *
 * @since 1.0
 */
@ProviderType
public interface ExperimentService {

    /**
     * Starts an experiment: sends the candidate its share of live traffic and counts only what follows.
     *
     * @throws IllegalArgumentException naming the field when the candidate is the live version or the model has
     *         no live version
     * @throws IllegalStateException when the model already has a running experiment
     * @throws ModelNotFoundException when the model or version does not exist
     * @throws ModelLoadException when the candidate could not be loaded
     * @throws IOException when the experiment could not be stored; then no canary is left behind
     */
    ExperimentReport start(ExperimentSpec spec) throws ModelNotFoundException, ModelLoadException, IOException;

    /**
     * Stops a running experiment: clears its canary, leaves the live version as it is, and ends it as
     * {@link ExperimentState#STOPPED}. Stopping an ended one returns it unchanged.
     *
     * @throws IllegalArgumentException when there is no experiment with this id
     * @throws IOException when the new state could not be stored
     */
    ExperimentReport stop(String id) throws IOException;

    /** The report of one experiment, as of its latest evaluation. */
    Optional<ExperimentReport> get(String id);

    /** The experiments of a model (every model for null), newest first. */
    List<ExperimentReport> list(String model);
}
