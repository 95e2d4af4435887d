package io.merx.customers.internal.propensity;

import java.util.ArrayList;
import java.util.List;

import io.merx.customers.internal.CustomerHistories;
import io.merx.customers.internal.CustomerHistory;
import io.merx.customers.internal.OrderDates;

/**
 * The time-based split, in days since 1970-01-01. The last cutoff is {@code end - horizon}: its labels, the
 * purchases in the data's last horizon, are the held-out evaluation. Earlier cutoffs step back one horizon each,
 * so no label window overlaps another or the evaluation's: the newest of them is the calibration slice (Platt
 * scaling), the older ones fit the weights. Every row only uses orders on or before its cutoff, and the model
 * never sees the evaluation labels.
 *
 * @param evaluation the cutoff whose labels are held out
 * @param calibration the cutoff whose labels fit the calibration
 * @param fit the cutoffs whose labels fit the weights, newest first
 */
record Cutoffs(int evaluation, int calibration, List<Integer> fit) {

    /**
     * The cutoffs for data spanning {@code firstDay..endDay}.
     *
     * @param fitCutoffs how many cutoffs fit the weights, at least 1
     * @throws IllegalArgumentException naming horizonDays and cutoffs when the data is too short for them
     */
    static Cutoffs of(int firstDay, int endDay, int horizonDays, int fitCutoffs) {
        int evaluation = endDay - horizonDays;
        List<Integer> fit = new ArrayList<>();
        for (int k = 2; k <= fitCutoffs + 1; k++) {
            fit.add(evaluation - k * horizonDays);
        }
        int oldest = fit.get(fit.size() - 1);
        if (oldest <= firstDay) {
            throw new IllegalArgumentException("the orders span " + OrderDates.date(firstDay) + " to "
                    + OrderDates.date(endDay) + ", too short for horizonDays=" + horizonDays + " and cutoffs="
                    + fitCutoffs + ": the oldest cutoff " + OrderDates.date(oldest)
                    + " must come after the first order; lower horizonDays or cutoffs");
        }
        return new Cutoffs(evaluation, evaluation - horizonDays, List.copyOf(fit));
    }

    /** One row per customer with an order on or before {@code cutoff}, labelled by the next {@code horizonDays}. */
    static List<Example> examples(CustomerHistories all, int cutoff, int horizonDays, List<String> categories) {
        List<Example> rows = new ArrayList<>();
        for (CustomerHistory history : all.customers()) {
            double[] raw = BehaviourFeatures.raw(history, cutoff, all.categories(), categories);
            if (raw == null) {
                continue; // not a customer yet at this cutoff
            }
            boolean bought = !history.ordersBetween(cutoff, cutoff + horizonDays).isEmpty();
            rows.add(new Example(history.customer(), cutoff, raw, bought));
        }
        return rows;
    }
}
