package io.merx.api.events;

/**
 * A rate such as a click-through rate, with its 95 % Wilson score interval (Wilson 1927, "Probable inference, the
 * law of succession, and statistical inference", JASA 22:209-212), which stays inside [0, 1] and is sensible for
 * small counts and rates near 0, unlike the normal approximation.
 *
 * <pre>{@code
 * Proportion ctr = Proportion.wilson(30, 1000); // 0.030, [0.0211, 0.0425]
 * }</pre>
 *
 * @param successes e.g. clicks
 * @param trials e.g. impressions
 * @param rate successes / trials, 0 without trials
 * @param low lower bound of the 95 % interval, 0 without trials
 * @param high upper bound of the 95 % interval, 1 without trials
 * @since 1.0
 */
public record Proportion(long successes, long trials, double rate, double low, double high) {

    /** The two-sided 95 % normal quantile. */
    public static final double Z95 = 1.959963984540054;

    /**
     * The rate and its 95 % Wilson interval. Successes beyond the trials (more clicks than impressions, when
     * events outlive the impressions they belong to) are capped at the trials.
     */
    public static Proportion wilson(long successes, long trials) {
        if (successes < 0 || trials < 0) {
            throw new IllegalArgumentException("successes and trials must be >= 0, got " + successes + " of "
                    + trials);
        }
        if (trials == 0) {
            return new Proportion(successes, 0, 0, 0, 1);
        }
        long s = Math.min(successes, trials);
        double n = trials;
        double p = s / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // at p = 0 and p = 1 the bound is exactly 0 or 1; floating point would miss it by an ulp
        double low = s == 0 ? 0 : Math.max(0, centre - half);
        double high = s == trials ? 1 : Math.min(1, centre + half);
        return new Proportion(successes, trials, p, low, high);
    }
}
