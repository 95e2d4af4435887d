package io.merx.api.runtime;

/** Life cycle of a training job. */
public enum JobState {
    /** Accepted, waiting for a thread. */
    QUEUED,
    /** Reading data or training. */
    RUNNING,
    /** Saved as a new version; see {@link TrainingJob#resultVersion()}. */
    SUCCEEDED,
    /** Stopped by an error; {@link TrainingJob#message()} says which. */
    FAILED,
    /** Stopped by {@link TrainingJob#cancel()}; nothing was saved. */
    CANCELLED;

    /** True once the job will not change any more. */
    public boolean isDone() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
