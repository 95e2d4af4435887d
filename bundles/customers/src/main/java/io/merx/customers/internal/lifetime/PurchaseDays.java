package io.merx.customers.internal.lifetime;

import io.merx.customers.internal.CustomerHistories;
import io.merx.customers.internal.CustomerHistory;
import io.merx.customers.internal.Order;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Customers' purchases as BG/NBD counts them: one transaction per customer and day (orders of the same day add
 * up), the convention of Fader and Hardie's CDNow studies and of {@code lifetimes}. Cuts the data at a calibration
 * end into the summaries the models fit on and the hold-out purchases they are judged by.
 */
final class PurchaseDays {

    private final Map<String, NavigableMap<Integer, Double>> byCustomer = new LinkedHashMap<>();
    private final int endDay;

    private PurchaseDays(int endDay) {
        this.endDay = endDay;
    }

    static PurchaseDays of(CustomerHistories histories) {
        PurchaseDays days = new PurchaseDays(histories.endDay());
        for (CustomerHistory history : histories.customers()) {
            NavigableMap<Integer, Double> spend = new TreeMap<>();
            for (Order order : history.orders()) {
                spend.merge(order.day(), order.amount(), Double::sum);
            }
            days.byCustomer.put(history.customer(), spend);
        }
        return days;
    }

    /** The last day of the data (days since 1970-01-01). */
    int endDay() {
        return endDay;
    }

    /** One customer's spend per purchase day (empty for a customer not in the data). */
    NavigableMap<Integer, Double> spend(String customer) {
        return byCustomer.getOrDefault(customer, new TreeMap<>());
    }

    int firstDay() {
        return byCustomer.values().stream().mapToInt(NavigableMap::firstKey).min().orElse(endDay);
    }

    /**
     * The summary of every customer whose first purchase is on or before {@code end} (days up to and including
     * {@code end} are the calibration period), time in units of {@code daysPerUnit} days.
     */
    Map<String, RfmSummary> summaries(int end, double daysPerUnit) {
        Map<String, RfmSummary> summaries = new LinkedHashMap<>();
        for (Map.Entry<String, NavigableMap<Integer, Double>> entry : byCustomer.entrySet()) {
            NavigableMap<Integer, Double> days = entry.getValue().headMap(end, true);
            if (days.isEmpty()) {
                continue;
            }
            int birth = days.firstKey();
            int x = days.size() - 1;
            // Gamma-Gamma models the repeat transactions: the first is left out, as in the paper.
            double repeatSpend = days.tailMap(birth, false).values().stream().mapToDouble(Double::doubleValue).sum();
            summaries.put(entry.getKey(), new RfmSummary(x, (days.lastKey() - birth) / daysPerUnit,
                    (end - birth) / daysPerUnit, x == 0 ? 0 : repeatSpend / x));
        }
        return summaries;
    }

    /** Times (units after {@code end}) of each calibration customer's purchases after {@code end}. */
    Map<String, double[]> holdout(Map<String, RfmSummary> calibration, int end, double daysPerUnit) {
        Map<String, double[]> times = new LinkedHashMap<>();
        for (String customer : calibration.keySet()) {
            times.put(customer, byCustomer.get(customer).tailMap(end, false).keySet().stream()
                    .mapToDouble(day -> (day - end) / daysPerUnit).toArray());
        }
        return times;
    }
}
