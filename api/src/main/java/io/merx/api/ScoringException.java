package io.merx.api;

/** A valid request could not be scored: the scorer is closed, unavailable or failed numerically. */
public class ScoringException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * An exception whose message, written for users, says what went wrong with the request.
     *
     * @param message what went wrong
     */
    public ScoringException(String message) {
        super(message);
    }

    /**
     * An exception whose message, written for users, says what went wrong with the request.
     *
     * @param message what went wrong
     * @param cause the failure underneath, for the server log
     */
    public ScoringException(String message, Throwable cause) {
        super(message, cause);
    }
}
