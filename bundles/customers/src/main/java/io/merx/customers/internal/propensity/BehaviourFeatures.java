package io.merx.customers.internal.propensity;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The behaviour features of one customer as of a cutoff date, computed from the order lines dated on or before
 * it (lines after the cutoff are ignored, which is what keeps labels out of features). An order is a customer's
 * lines of one day. Skewed magnitudes (days, money) enter the model as {@code log(1 + x)}; {@link #raw} keeps the
 * untransformed values for reason codes.
 */
final class BehaviourFeatures {

    /** The fixed features, in model order; category shares follow, one per category the model knows. */
    static final List<String> BASE = List.of("recencyDays", "orders30", "orders90", "orders365", "monetaryTotal",
            "monetaryMean", "tenureDays", "daysSinceFirst", "interPurchaseMean", "interPurchaseStd", "trend");

    /** Which of {@link #BASE} the model sees as log(1 + x). */
    private static final boolean[] LOGGED = {true, false, false, false, true, true, true, true, true, true, false};

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
     * The untransformed features of a customer as of {@code asOf}.
     *
     * @param lines the customer's order lines, any order; those after {@code asOf} are ignored
     * @param asOf the cutoff date, inclusive
     * @param categories the categories whose spend shares are features
     * @return one value per {@link #names(List)} entry, or null when the customer has no order on or before asOf
     */
    static double[] raw(List<Purchase> lines, LocalDate asOf, List<String> categories) {
        TreeMap<LocalDate, Double> orders = new TreeMap<>();
        Map<String, Double> spendByCategory = new TreeMap<>();
        double total = 0;
        for (Purchase line : lines) {
            if (line.date().isAfter(asOf)) {
                continue;
            }
            orders.merge(line.date(), line.amount(), Double::sum);
            spendByCategory.merge(line.category(), line.amount(), Double::sum);
            total += line.amount();
        }
        if (orders.isEmpty()) {
            return null;
        }
        LocalDate first = orders.firstKey();
        LocalDate last = orders.lastKey();
        double[] f = new double[BASE.size() + categories.size()];
        f[0] = days(last, asOf);
        f[1] = ordersSince(orders, asOf.minusDays(30));
        f[2] = ordersSince(orders, asOf.minusDays(90));
        f[3] = ordersSince(orders, asOf.minusDays(365));
        f[4] = total;
        f[5] = total / orders.size();
        f[6] = days(first, last);
        f[7] = days(first, asOf);
        List<Double> gaps = gaps(new ArrayList<>(orders.keySet()));
        // One order has no gap: the time since it is a lower bound of the next gap, and the std is unknown (0).
        f[8] = gaps.isEmpty() ? f[7] : mean(gaps);
        f[9] = gaps.size() < 2 ? 0 : std(gaps, f[8]);
        double recentHalf = ordersSince(orders, asOf.minusDays(182));
        double earlierHalf = f[3] - recentHalf;
        f[10] = (recentHalf - earlierHalf) / (recentHalf + earlierHalf + 1);
        for (int c = 0; c < categories.size(); c++) {
            f[BASE.size() + c] = total > 0 ? spendByCategory.getOrDefault(categories.get(c), 0.0) / total : 0;
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

    /** The categories worth a share feature: the {@code max} with the most spend, ties by name; "" left out. */
    static List<String> topCategories(Map<String, List<Purchase>> histories, int max) {
        Map<String, Double> spend = new TreeMap<>();
        for (List<Purchase> lines : histories.values()) {
            for (Purchase line : lines) {
                if (!line.category().isEmpty()) {
                    spend.merge(line.category(), line.amount(), Double::sum);
                }
            }
        }
        List<String> categories = new ArrayList<>(spend.keySet());
        categories.sort((a, b) -> Double.compare(spend.get(b), spend.get(a)));
        List<String> top = new ArrayList<>(categories.subList(0, Math.min(max, categories.size())));
        Collections.sort(top);
        return List.copyOf(top);
    }

    private static double ordersSince(TreeMap<LocalDate, Double> orders, LocalDate exclusiveStart) {
        return orders.tailMap(exclusiveStart, false).size();
    }

    private static double days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }

    private static List<Double> gaps(List<LocalDate> dates) {
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < dates.size(); i++) {
            gaps.add(days(dates.get(i - 1), dates.get(i)));
        }
        return gaps;
    }

    private static double mean(List<Double> values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.size();
    }

    private static double std(List<Double> values, double mean) {
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / values.size());
    }
}
