package io.merx.api.runtime;

/**
 * Traffic figures of one version since the runtime started.
 *
 * @param requests requests scored, including failed ones
 * @param errors requests that failed with an exception (invalid input included)
 * @param p50Millis median latency in milliseconds, 0 without requests
 * @param p99Millis 99th percentile latency in milliseconds, 0 without requests
 */
public record VersionStats(long requests, long errors, double p50Millis, double p99Millis) {

    /** Figures of a version that has not served. */
    public static final VersionStats EMPTY = new VersionStats(0, 0, 0, 0);
}
