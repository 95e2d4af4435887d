package io.merx.api.experiments;

import java.util.Locale;

/**
 * Where an experiment is. Every state but {@link #RUNNING} is final.
 *
 * @since 1.0
 */
public enum ExperimentState {
    /** The canary takes its share of live traffic and the test is evaluated on a schedule. */
    RUNNING,
    /** The candidate was better: it was activated as the live version. */
    PROMOTED,
    /** The candidate was worse, or breached a guardrail: the canary was cleared. */
    ROLLED_BACK,
    /** Stopped by an operator, or ended because an operator changed the live version or the canary by hand. */
    STOPPED,
    /** The maximum duration or number of impressions was reached undecided: the canary was cleared. */
    INCONCLUSIVE;

    /** The name in JSON, e.g. {@code rolled_back}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the experiment has ended. */
    public boolean isFinal() {
        return this != RUNNING;
    }
}
