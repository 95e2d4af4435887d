package io.merx.api.runtime;

import java.time.Duration;
import java.time.Instant;
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

    /** Where the job is in its life cycle. */
    JobState state();

    /**
     * When a thread took the job and it began reading data.
     *
     * @return empty while the job is {@link JobState#QUEUED}, and for a job cancelled before it started
     * @since 1.1
     */
    Optional<Instant> startedAt();

    /**
     * When the job finished: saved, failed or cancelled. With {@link #startedAt()} it says how long training took.
     *
     * @return empty until {@link JobState#isDone()}
     * @since 1.1
     */
    Optional<Instant> finishedAt();

    /** Done so far, from 0 to 1. */
    double progress();

    /** What is happening now, e.g. {@code iteration 3/10 loss=0.42}, or why it failed. */
    String message();

    /** The version saved on success; empty otherwise. */
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
