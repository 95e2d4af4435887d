package io.merx.api.runtime;

import java.time.Duration;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A training job running in the background. Poll it or {@link #await} it; {@link #cancel()} asks the trainer
 * to stop at its next check.
 */
@ProviderType
public interface TrainingJob {

    /** Job number, unique while the runtime runs. */
    long id();

    /** The model the job trains a new version of. */
    String model();

    /** The kind it trains. */
    String kind();

    JobState state();

    /** Done so far, from 0 to 1. */
    double progress();

    /** What is happening now, e.g. {@code iteration 3/10 loss=0.42}, or why it failed. */
    String message();

    /** The version saved on success. */
    Optional<String> resultVersion();

    /** Asks the job to stop; a no-op when it is done. */
    void cancel();

    /**
     * Waits for the job to finish.
     *
     * @return true when it is done, false when the timeout passed first
     */
    boolean await(Duration timeout) throws InterruptedException;
}
