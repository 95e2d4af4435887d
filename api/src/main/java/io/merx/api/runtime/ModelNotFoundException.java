package io.merx.api.runtime;

import io.merx.api.ScoringException;

/** No model, version or alias with the given name exists. */
public class ModelNotFoundException extends ScoringException {

    private static final long serialVersionUID = 1L;

    public ModelNotFoundException(String message) {
        super(message);
    }
}
