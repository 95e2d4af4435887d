package io.merx.customers.internal.lifetime;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Customers' purchases as BG/NBD counts them: one transaction per customer and day (order lines of the same day
 * add up), in the convention of Fader and Hardie's CDNow studies and of {@code lifetimes}. Also cuts the data at
 * a calibration end into the summaries the models fit on and the hold-out purchases they are judged by.
 */
final class PurchaseDays {

    private final Map<String, NavigableMap<LocalDate, Double>> byCustomer = new LinkedHashMap<>();

    /** Adds one order line. */
    void add(String customer, LocalDate day, double amount) {
        if (customer == null || customer.isBlank()) {
            throw new IllegalArgumentException("an order line needs a customer id");
        }
        if (!Double.isFinite(amount)) {
            throw new IllegalArgumentException("amount of customer " + customer + " on " + day + " is " + amount);
        }
        byCustomer.computeIfAbsent(customer, k -> new TreeMap<>()).merge(day, amount, Double::sum);
    }

    Map<String, NavigableMap<LocalDate, Double>> customers() {
        return byCustomer;
    }

    LocalDate first() {
        return byCustomer.values().stream().map(NavigableMap::firstKey).min(LocalDate::compareTo)
                .orElseThrow(() -> new IllegalArgumentException("no order lines"));
    }

    LocalDate last() {
        return byCustomer.values().stream().map(NavigableMap::lastKey).max(LocalDate::compareTo)
                .orElseThrow(() -> new IllegalArgumentException("no order lines"));
    }

    /**
     * The summary of every customer whose first purchase is on or before {@code end} (days up to and including
     * {@code end} are the calibration period), time measured in units of {@code daysPerUnit} days.
     */
    Map<String, RfmSummary> summaries(LocalDate end, double daysPerUnit) {
        Map<String, RfmSummary> summaries = new LinkedHashMap<>();
        for (Map.Entry<String, NavigableMap<LocalDate, Double>> entry : byCustomer.entrySet()) {
            NavigableMap<LocalDate, Double> days = entry.getValue().headMap(end, true);
            if (days.isEmpty()) {
                continue;
            }
            LocalDate birth = days.firstKey();
            int x = days.size() - 1;
            // Gamma-Gamma models the repeat transactions: the first is left out, as in the paper.
            double repeatSpend = days.tailMap(birth, false).values().stream().mapToDouble(Double::doubleValue).sum();
            double meanSpend = x == 0 ? 0 : Math.max(0, repeatSpend / x);
            summaries.put(entry.getKey(), new RfmSummary(x, units(birth, days.lastKey(), daysPerUnit),
                    units(birth, end, daysPerUnit), meanSpend));
        }
        return summaries;
    }

    /** Times (in units after {@code end}) of each calibration customer's purchases after {@code end}. */
    Map<String, double[]> holdout(Map<String, RfmSummary> calibration, LocalDate end, double daysPerUnit) {
        Map<String, double[]> times = new LinkedHashMap<>();
        for (String customer : calibration.keySet()) {
            times.put(customer, byCustomer.get(customer).tailMap(end, false).keySet().stream()
                    .mapToDouble(day -> units(end, day, daysPerUnit)).toArray());
        }
        return times;
    }

    static double units(LocalDate from, LocalDate to, double daysPerUnit) {
        return ChronoUnit.DAYS.between(from, to) / daysPerUnit;
    }
}
