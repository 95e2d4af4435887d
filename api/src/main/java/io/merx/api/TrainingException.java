package io.merx.api;

/** Training failed for a reason other than bad input: cancelled, diverged, out of memory. */
public class TrainingException extends Exception {

    private static final long serialVersionUID = 1L;

    public TrainingException(String message) {
        super(message);
    }

    public TrainingException(String message, Throwable cause) {
        super(message, cause);
    }
}
