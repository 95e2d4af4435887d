package io.merx.api;

/** A stored model could not be loaded: files missing or corrupt, or written by an incompatible kind version. */
public class ModelLoadException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * An exception whose message, written for users, says what went wrong with the stored version.
     *
     * @param message what went wrong
     */
    public ModelLoadException(String message) {
        super(message);
    }

    /**
     * An exception whose message, written for users, says what went wrong with the stored version.
     *
     * @param message what went wrong
     * @param cause the failure underneath, for the server log
     */
    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
