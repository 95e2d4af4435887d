package io.merx.customers.internal.propensity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.merx.customers.internal.CustomerHistories;
import io.merx.customers.internal.CustomerHistory;
import io.merx.customers.internal.Order;

/**
 * The behaviour features of one customer as of a cutoff date, computed from the order lines dated on or before
 * it (lines after the cutoff are ignored, which is what keeps labels out of features). An order is as
 * {@link CustomerHistories} groups lines (by order id, else by day). Skewed magnitudes (days, money) enter the
 * model as {@code log(1 + x)}; {@link #raw} keeps the untransformed values for reason codes.
 */
final class BehaviourFeatures {

    /** The fixed features, in model order; category shares follow, one per category the model knows. */
    static final List<String> BASE = List.of("recencyDays", "orders30", "orders90", "orders365", "monetaryTotal",
            "monetaryMean", "tenureDays", "daysSinceFirst", "interPurchaseMean", "interPurchaseStd", "trend", "overdue");

    /** Which of {@link #BASE} the model sees as log(1 + x). */
    private static final boolean[] LOGGED = {true, false, false, false, true, true, true, true, true, true, false, true};

    /** Prefix of the category share features: {@code share:Furniture}. */
    static final String SHARE = "share:";

    private BehaviourFeatures() {
    }

    /** The feature names for the given categories. */
    static List<String> names(List<String> categories) {
        List<String> names = new ArrayList<>(BASE);
        for (String category : categories) {
            names.add(SHARE + category);
        }
        return List.copyOf(names);
    }

    /**
     * The untransformed features of a customer as of the end of {@code asOfDay}.
     *
     * @param history the customer's history; orders after {@code asOfDay} are ignored
     * @param asOfDay the cutoff, days since 1970-01-01, inclusive
     * @param dataCategories the categories {@link Order#categorySpend()} is indexed by
     * @param modelCategories the categories whose spend shares are features
     * @return one value per {@link #names(List)} entry, or null when the customer has no order by asOfDay
     */
    static double[] raw(CustomerHistory history, int asOfDay, List<String> dataCategories,
            List<String> modelCategories) {
        List<Order> orders = history.asOf(asOfDay).map(CustomerHistory::orders).orElse(List.of());
        if (orders.isEmpty()) {
            return null;
        }
        int[] categoryIndex = new int[modelCategories.size()];
        for (int c = 0; c < categoryIndex.length; c++) {
            categoryIndex[c] = dataCategories.indexOf(modelCategories.get(c));
        }
        double total = 0;
        double[] categorySpend = new double[categoryIndex.length];
        for (Order order : orders) {
            total += order.amount();
            for (int c = 0; c < categoryIndex.length; c++) {
                categorySpend[c] += categoryIndex[c] < 0 ? 0 : order.categorySpend()[categoryIndex[c]];
            }
        }
        int first = orders.get(0).day();
        int last = orders.get(orders.size() - 1).day();
        double[] f = new double[BASE.size() + modelCategories.size()];
        f[0] = asOfDay - last;
        f[1] = ordersAfter(orders, asOfDay - 30);
        f[2] = ordersAfter(orders, asOfDay - 90);
        f[3] = ordersAfter(orders, asOfDay - 365);
        f[4] = total;
        f[5] = total / orders.size();
        f[6] = last - first;
        f[7] = asOfDay - first;
        double[] gaps = new double[orders.size() - 1];
        for (int i = 1; i < orders.size(); i++) {
            gaps[i - 1] = orders.get(i).day() - orders.get(i - 1).day();
        }
        // One order has no gap: the time since it is a lower bound of the next gap, and the spread is unknown (0).
        f[8] = gaps.length == 0 ? f[7] : mean(gaps);
        f[9] = gaps.length < 2 ? 0 : std(gaps, f[8]);
        double recentHalf = ordersAfter(orders, asOfDay - 182);
        double earlierHalf = f[3] - recentHalf;
        f[10] = (recentHalf - earlierHalf) / (recentHalf + earlierHalf + 1);
        // Days since the last order in units of the customer's own gap: a frequent buyer silent for three months
        // is far more likely gone than a yearly one (the interaction a linear model cannot build itself).
        f[11] = f[0] / Math.max(1, f[8]);
        for (int c = 0; c < categoryIndex.length; c++) {
            f[BASE.size() + c] = total > 0 ? categorySpend[c] / total : 0;
        }
        return f;
    }

    /** The features as the model sees them: {@link #raw} with the skewed ones on a log scale. */
    static double[] transformed(double[] raw) {
        double[] x = raw.clone();
        for (int j = 0; j < LOGGED.length; j++) {
            if (LOGGED[j]) {
                x[j] = Math.log1p(Math.max(0, x[j]));
            }
        }
        return x;
    }

    /** The categories worth a share feature: the {@code max} with the most spend, then sorted by name. */
    static List<String> topCategories(CustomerHistories histories, int max) {
        List<String> names = histories.categories();
        double[] spend = new double[names.size()];
        for (CustomerHistory history : histories.customers()) {
            double[] customerSpend = history.categorySpend();
            for (int c = 0; c < spend.length; c++) {
                spend[c] += customerSpend[c];
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < spend.length; c++) {
            order.add(c);
        }
        order.sort((a, b) -> Double.compare(spend[b], spend[a]));
        List<String> top = new ArrayList<>();
        for (int c : order.subList(0, Math.min(max, order.size()))) {
            top.add(names.get(c));
        }
        Collections.sort(top);
        return List.copyOf(top);
    }

    private static int ordersAfter(List<Order> orders, int exclusiveStartDay) {
        int count = 0;
        for (Order order : orders) {
            count += order.day() > exclusiveStartDay ? 1 : 0;
        }
        return count;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double std(double[] values, double mean) {
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / values.length);
    }
}
