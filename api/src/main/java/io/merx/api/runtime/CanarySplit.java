package io.merx.api.runtime;

/**
 * A share of live traffic sent to another version.
 *
 * @param version the canary version
 * @param percent share of requests in (0, 100]; requests with the same key always take the same side
 */
public record CanarySplit(String version, double percent) {

    /**
     * Checks the share.
     *
     * @throws IllegalArgumentException when {@code percent} is not in (0, 100]
     */
    public CanarySplit {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("canary percent must be in (0, 100], got " + percent);
        }
    }
}
