package io.merx.customers.internal.segments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.merx.customers.internal.CustomerHistory;

/**
 * The features segments are made of, for one customer at the end of the observation period: recency (days since
 * the last order), frequency (orders), monetary value (mean order amount), tenure (days since the first order)
 * and the category mix (share of spend per model category). {@link #transform} takes logarithms of the two
 * heavy-tailed counts (frequency, monetary) so a few large customers do not get a cluster each.
 */
final class RfmFeatures {

    static final String RECENCY = "recencyDays";
    static final String FREQUENCY = "orders";
    static final String MONETARY = "meanOrderAmount";
    static final String TENURE = "tenureDays";
    static final List<String> BASE = List.of(RECENCY, FREQUENCY, MONETARY, TENURE);
    static final int BASE_COUNT = BASE.size();

    private RfmFeatures() {
    }

    /** Feature names: the four base features, then {@code share:<category>} per model category. */
    static List<String> names(List<String> categories) {
        List<String> names = new ArrayList<>(BASE);
        for (String category : categories) {
            names.add("share:" + category);
        }
        return names;
    }

    /**
     * A customer's raw features at {@code endDay}.
     *
     * @param categoryIndex for each model category, its index in the histories' categories
     */
    static double[] of(CustomerHistory history, int endDay, int[] categoryIndex) {
        double[] spend = history.categorySpend();
        double total = 0;
        for (double s : spend) {
            total += s;
        }
        double[] raw = new double[BASE_COUNT + categoryIndex.length];
        raw[0] = endDay - history.lastDay();
        raw[1] = history.orderCount();
        raw[2] = history.meanOrderAmount();
        raw[3] = endDay - history.firstDay();
        for (int c = 0; c < categoryIndex.length; c++) {
            raw[BASE_COUNT + c] = total > 0 ? spend[categoryIndex[c]] / total : 0;
        }
        return raw;
    }

    /**
     * Raw features of a customer described in a request; {@code categorySpend} may name categories the model
     * does not know (they count in the total only).
     */
    static double[] of(double recency, double orders, double meanAmount, double tenure, List<String> categories,
            Map<String, Double> categorySpend) {
        double total = 0;
        for (double s : categorySpend.values()) {
            total += s;
        }
        double[] raw = new double[BASE_COUNT + categories.size()];
        raw[0] = recency;
        raw[1] = orders;
        raw[2] = meanAmount;
        raw[3] = tenure;
        for (int c = 0; c < categories.size(); c++) {
            raw[BASE_COUNT + c] = total > 0 ? categorySpend.getOrDefault(categories.get(c), 0.0) / total : 0;
        }
        return raw;
    }

    /** The raw features in the space the scaler and k-means see (log1p of frequency and monetary). */
    static double[] transform(double[] raw) {
        double[] t = raw.clone();
        t[1] = Math.log1p(raw[1]);
        t[2] = Math.log1p(raw[2]);
        return t;
    }
}
