package io.merx.api;

/** A valid request could not be scored: the scorer is closed, unavailable or failed numerically. */
public class ScoringException extends Exception {

    private static final long serialVersionUID = 1L;

    public ScoringException(String message) {
        super(message);
    }

    public ScoringException(String message, Throwable cause) {
        super(message, cause);
    }
}
