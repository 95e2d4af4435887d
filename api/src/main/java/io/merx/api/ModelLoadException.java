package io.merx.api;

/** A stored model could not be loaded: files missing or corrupt, or written by an incompatible kind version. */
public class ModelLoadException extends Exception {

    private static final long serialVersionUID = 1L;

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
