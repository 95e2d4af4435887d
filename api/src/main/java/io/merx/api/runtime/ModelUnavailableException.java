package io.merx.api.runtime;

import io.merx.api.ScoringException;

/**
 * The model exists but cannot serve now: its kind is not installed, its version FAILED, or no version is
 * active. The message says which and what to do; it carries no stack trace because it is an expected,
 * operational condition.
 */
public class ModelUnavailableException extends ScoringException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception whose message says why the model cannot serve and what to do.
     *
     * @param message the reason, e.g. {@code kind 'example.linear' is not installed}
     */
    public ModelUnavailableException(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
