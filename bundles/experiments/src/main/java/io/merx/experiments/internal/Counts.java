package io.merx.experiments.internal;

/**
 * Impressions and successes (purchases or clicks) of one arm, as the event service counts them.
 *
 * @param impressions score responses served
 * @param successes attributed events of the experiment's metric
 */
public record Counts(long impressions, long successes) {

    /** Nothing counted. */
    public static final Counts ZERO = new Counts(0, 0);

    /**
     * What was counted since {@code baseline}; never negative, successes at most the impressions (a shopper may
     * buy twice after one answer, the test compares shares of answers that converted).
     */
    public Counts since(Counts baseline) {
        long n = Math.max(0, impressions - baseline.impressions);
        long s = Math.max(0, successes - baseline.successes);
        return new Counts(n, Math.min(s, n));
    }
}
