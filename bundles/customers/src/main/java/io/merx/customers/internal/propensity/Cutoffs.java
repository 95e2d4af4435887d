package io.merx.customers.internal.propensity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The time-based split. The last cutoff is {@code end - horizon}: its labels, the purchases in the data's last
 * horizon, are the held-out evaluation. Earlier cutoffs step back one horizon each, so no label window overlaps
 * another or the evaluation: the newest of them is the calibration slice (Platt scaling), the older ones fit the
 * weights. Every row only uses lines on or before its cutoff, and the model never sees the evaluation labels.
 *
 * @param evaluation the cutoff whose labels are held out
 * @param calibration the cutoff whose labels fit the calibration
 * @param fit the cutoffs whose labels fit the weights, newest first
 */
record Cutoffs(LocalDate evaluation, LocalDate calibration, List<LocalDate> fit) {

    /**
     * The cutoffs for data spanning {@code first..end}.
     *
     * @param fitCutoffs how many cutoffs fit the weights, at least 1
     * @throws IllegalArgumentException naming horizonDays and cutoffs when the data is too short for them
     */
    static Cutoffs of(LocalDate first, LocalDate end, int horizonDays, int fitCutoffs) {
        LocalDate evaluation = end.minusDays(horizonDays);
        List<LocalDate> fit = new ArrayList<>();
        for (int k = 2; k <= fitCutoffs + 1; k++) {
            fit.add(evaluation.minusDays((long) k * horizonDays));
        }
        LocalDate oldest = fit.get(fit.size() - 1);
        if (!oldest.isAfter(first)) {
            throw new IllegalArgumentException("the order lines span " + first + " to " + end + ", too short for "
                    + "horizonDays=" + horizonDays + " and cutoffs=" + fitCutoffs + ": the oldest cutoff " + oldest
                    + " must come after the first order; lower horizonDays or cutoffs");
        }
        return new Cutoffs(evaluation, evaluation.minusDays(horizonDays), List.copyOf(fit));
    }

    /** One row per customer with an order on or before {@code cutoff}, labelled by the next {@code horizonDays}. */
    static List<Example> examples(Map<String, List<Purchase>> histories, LocalDate cutoff, int horizonDays,
            List<String> categories) {
        LocalDate horizonEnd = cutoff.plusDays(horizonDays);
        List<Example> rows = new ArrayList<>();
        for (Map.Entry<String, List<Purchase>> customer : histories.entrySet()) {
            double[] raw = BehaviourFeatures.raw(customer.getValue(), cutoff, categories);
            if (raw == null) {
                continue; // not a customer yet at this cutoff
            }
            boolean bought = false;
            for (Purchase line : customer.getValue()) {
                if (line.date().isAfter(cutoff) && !line.date().isAfter(horizonEnd)) {
                    bought = true;
                    break;
                }
            }
            rows.add(new Example(customer.getKey(), cutoff, raw, bought));
        }
        return rows;
    }
}
