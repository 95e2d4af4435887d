package io.merx.api;

/** Training failed for a reason other than bad input: cancelled, diverged, out of memory. */
public class TrainingException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * An exception whose message, written for users, says what went wrong with the training run.
     *
     * @param message what went wrong
     */
    public TrainingException(String message) {
        super(message);
    }

    /**
     * An exception whose message, written for users, says what went wrong with the training run.
     *
     * @param message what went wrong
     * @param cause the failure underneath, for the server log
     */
    public TrainingException(String message, Throwable cause) {
        super(message, cause);
    }
}
