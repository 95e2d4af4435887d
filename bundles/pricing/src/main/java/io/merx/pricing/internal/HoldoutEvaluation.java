package io.merx.pricing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Out-of-sample demand error of a model fitted on earlier periods: for each later row of a product the model can
 * estimate, the prediction at that row's own price, its substitutes' prices that period and its promotion and
 * display. Reports the RMSE of log units and the weighted absolute percentage error of units,
 * {@code sum |u - u_hat| / sum u}.
 */
final class HoldoutEvaluation {

    private HoldoutEvaluation() {
    }

    /** The rows of the last {@code fraction} of periods, or null when that leaves too little on either side. */
    static boolean[] lastPeriods(SalesHistory h, double fraction) {
        int periods = h.periods.size();
        int test = (int) Math.ceil(periods * fraction);
        if (fraction <= 0 || test < 1 || periods - test < 3) {
            return null;
        }
        boolean[] mask = new boolean[h.rows()];
        for (int r = 0; r < mask.length; r++) {
            mask[r] = h.period[r] >= periods - test;
        }
        return mask;
    }

    static Map<String, Double> evaluate(SalesHistory h, boolean[] test, DemandModel model) {
        Map<Integer, List<Integer>> byPeriod = new TreeMap<>();
        for (int r = 0; r < h.rows(); r++) {
            if (test[r]) {
                byPeriod.computeIfAbsent(h.period[r], t -> new ArrayList<>()).add(r);
            }
        }
        double[] neutral = new double[model.size()];
        for (int i = 0; i < neutral.length; i++) {
            neutral[i] = Math.exp(model.product(i).meanLogPrice());
        }
        double squared = 0;
        double absolute = 0;
        double volume = 0;
        int n = 0;
        for (List<Integer> rows : byPeriod.values()) {
            double[] prices = neutral.clone();
            MarketContext context = MarketContext.neutral(model.size());
            for (int r : rows) {
                int i = h.product[r];
                prices[i] = Math.exp(h.logPrice[r]);
                context.promo()[i] = h.promo[r];
                context.display()[i] = h.display[r];
                context.logCompetitor()[i] = h.hasCompetitor ? h.logCompetitor[r] : Double.NaN;
            }
            for (int r : rows) {
                int i = h.product[r];
                if (Double.isNaN(h.logUnits[r]) || !model.product(i).estimable()) {
                    continue;
                }
                ProductDemand d = model.product(i);
                double mean = DemandModel.dot(d.beta(), model.design(i, prices, context));
                double error = h.logUnits[r] - mean;
                squared += error * error;
                double units = Math.exp(h.logUnits[r]);
                absolute += Math.abs(units - Math.exp(mean + 0.5 * d.sigma2()));
                volume += units;
                n++;
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (n > 0) {
            metrics.put("holdoutRmseLogUnits", Math.sqrt(squared / n));
            metrics.put("holdoutWape", absolute / volume);
        }
        metrics.put("holdoutRows", (double) n);
        return metrics;
    }
}
