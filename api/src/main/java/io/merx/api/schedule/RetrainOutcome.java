package io.merx.api.schedule;

/**
 * How a retrain run ended.
 *
 * @since 1.0
 */
public enum RetrainOutcome {
    /** The candidate was no worse than the live version (within the tolerance) and is live now. */
    ACTIVATED,
    /** The candidate was worse than the live version; it is stored but live was left as it was. */
    KEPT_LIVE,
    /** The run could not compare (too few events, training failed, ...); live was left as it was. */
    FAILED
}
