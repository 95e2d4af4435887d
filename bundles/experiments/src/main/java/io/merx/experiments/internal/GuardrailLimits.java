package io.merx.experiments.internal;

/**
 * How far a candidate may fall behind the live version before a guardrail rolls it back.
 *
 * @param latencyTolerance the candidate's p99 may exceed live's by this fraction (0.5 = 50 %) ...
 * @param latencySlackMillis ... plus this many milliseconds, so sub-millisecond jitter breaches nothing
 * @param minRequests requests the candidate must have served before its p99 is judged
 */
public record GuardrailLimits(double latencyTolerance, double latencySlackMillis, long minRequests) {

    /** Checks the limits, naming the configuration field at fault. */
    public GuardrailLimits {
        if (!(latencyTolerance >= 0) || Double.isInfinite(latencyTolerance)) {
            throw new IllegalArgumentException("latencyTolerance must be a number >= 0, got " + latencyTolerance);
        }
        if (!(latencySlackMillis >= 0) || Double.isInfinite(latencySlackMillis)) {
            throw new IllegalArgumentException("latencySlackMillis must be a number >= 0, got " + latencySlackMillis);
        }
        if (minRequests < 1) {
            throw new IllegalArgumentException("guardrailMinRequests must be at least 1, got " + minRequests);
        }
    }
}
