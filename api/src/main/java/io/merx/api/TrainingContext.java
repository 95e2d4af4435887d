package io.merx.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a running training job sees of the platform: where to report progress and whether it was cancelled.
 * The runtime supplies one per job; {@link #silent()} serves tests and standalone use.
 */
@ConsumerType
public interface TrainingContext {

    /**
     * Reports progress.
     *
     * @param fraction done so far, from 0 to 1
     * @param message what is happening now, e.g. {@code "iteration 3/10 loss=0.42"}
     */
    void progress(double fraction, String message);

    /** True once the job was cancelled; a trainer then throws {@link TrainingException} promptly. */
    boolean isCancelled();

    /** A context that ignores progress and is never cancelled. */
    static TrainingContext silent() {
        return new TrainingContext() {
            @Override
            public void progress(double fraction, String message) {
                // nobody is listening
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }
}
