package io.merx.api.events;

/**
 * The online business figures of one model version on one route, since the retained event log began.
 *
 * @param model the model name
 * @param version the version
 * @param route {@code live} (or another alias), {@code canary} or {@code pinned}
 * @param impressions score responses served
 * @param views attributed view events
 * @param clicks attributed click events
 * @param addToCarts attributed add-to-cart events
 * @param conversions attributed purchases
 * @param revenue the summed value of attributed purchases
 * @param ctr clicks per impression with its 95 % Wilson interval
 * @param conversionRate purchases per impression with its 95 % Wilson interval
 * @since 1.0
 */
public record VersionMetrics(String model, String version, String route, long impressions, long views,
        long clicks, long addToCarts, long conversions, double revenue, Proportion ctr, Proportion conversionRate) {
}
