package io.merx.api.runtime;

/**
 * No model, version or alias with the given name exists. Scoring and management calls alike throw it, so it is
 * its own checked exception: before 1.1 it extended {@link io.merx.api.ScoringException}, and a caller that
 * caught only that exception around {@link ModelRuntime#score} must now catch this one too.
 */
public class ModelNotFoundException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message for users that names what is missing, e.g. {@code no model 'churn'}.
     *
     * @param message what was not found
     */
    public ModelNotFoundException(String message) {
        super(message);
    }
}
