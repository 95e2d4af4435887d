package io.merx.runtime.cluster;

/**
 * A write named a revision that is no longer current: another operator, perhaps on another node, changed the
 * model in between. Nothing was written; read the model again and retry if the change still makes sense.
 */
public final class ConcurrentChangeException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * A conflict on one model.
     *
     * @param message names the model and the revisions, in the operator's terms
     */
    public ConcurrentChangeException(String message) {
        super(message);
    }
}
