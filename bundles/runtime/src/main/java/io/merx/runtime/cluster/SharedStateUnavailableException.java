package io.merx.runtime.cluster;

/**
 * The shared store cannot be reached or answered with an error. Management calls fail with it (the REST API
 * answers 503); scoring never needs the store, so nodes keep serving what they last reconciled.
 */
public final class SharedStateUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * The store failed.
     *
     * @param message names the store (for example {@code PostgreSQL at 127.0.0.1:5432/merx}) and what went wrong
     * @param cause the driver's exception
     */
    public SharedStateUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
