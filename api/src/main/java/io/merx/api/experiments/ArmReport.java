package io.merx.api.experiments;

/**
 * The traffic one arm of an experiment received since it started.
 *
 * @param version the model version serving the arm
 * @param route the route its impressions are counted under: {@code live} for the control, {@code canary} for the
 *        candidate
 * @param impressions score responses served on this route since the start
 * @param successes attributed events of the metric (purchases or clicks) since the start, at most the impressions
 * @param rate successes per impression, 0 without impressions
 * @since 1.0
 */
public record ArmReport(String version, String route, long impressions, long successes, double rate) {

    /** An arm's report from its counts; successes beyond the impressions are capped at them. */
    public static ArmReport of(String version, String route, long impressions, long successes) {
        long s = Math.min(Math.max(successes, 0), Math.max(impressions, 0));
        long n = Math.max(impressions, 0);
        return new ArmReport(version, route, n, s, n == 0 ? 0 : (double) s / n);
    }
}
