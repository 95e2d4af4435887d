package io.merx.customers.internal.lifetime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Judges a BG/NBD fit on the hold-out period the way Fader, Hardie and Lee do on CDNow: per customer, predicted
 * vs actual purchases in the hold-out (mean absolute error), the totals, and the cumulative repeat purchases of
 * all customers at each step of the hold-out. The naive baseline is judged alongside: each customer keeps buying
 * at their calibration rate {@code x / T}.
 *
 * @param maeModel mean absolute error per customer of the model
 * @param maeNaive the same for the naive baseline
 * @param curveTimes the times (units after the calibration end) of the aggregate curve's points
 */
record HoldoutEvaluation(int customers, double length, double maeModel, double maeNaive, double totalActual,
        double totalModel, double totalNaive, double[] curveTimes, double[] curveActual, double[] curveModel,
        double[] curveNaive) {

    static HoldoutEvaluation of(BgNbd model, Map<String, RfmSummary> calibration, Map<String, double[]> holdout,
            double length, double curveStep) {
        if (!(length > 0)) {
            throw new IllegalArgumentException("the hold-out period is empty: the calibration must end before "
                    + "the last purchase");
        }
        int points = (int) Math.ceil(length / curveStep - 1e-9);
        double[] times = new double[points];
        for (int i = 0; i < points; i++) {
            times[i] = Math.min(length, (i + 1) * curveStep);
        }
        double[] curveActual = new double[points];
        double[] curveModel = new double[points];
        double[] curveNaive = new double[points];
        double maeModel = 0;
        double maeNaive = 0;
        double totalActual = 0;
        double totalModel = 0;
        double totalNaive = 0;
        for (Map.Entry<String, RfmSummary> entry : calibration.entrySet()) {
            RfmSummary c = entry.getValue();
            double[] actualTimes = holdout.get(entry.getKey());
            double rate = c.age() > 0 ? c.x() / c.age() : 0;
            double predicted = model.expectedPurchases(length, c.x(), c.tx(), c.age());
            maeModel += Math.abs(predicted - actualTimes.length);
            maeNaive += Math.abs(rate * length - actualTimes.length);
            totalActual += actualTimes.length;
            totalModel += predicted;
            totalNaive += rate * length;
            for (int i = 0; i < points; i++) {
                curveModel[i] += model.expectedPurchases(times[i], c.x(), c.tx(), c.age());
                curveNaive[i] += rate * times[i];
                for (double t : actualTimes) {
                    if (t <= times[i]) {
                        curveActual[i]++;
                    }
                }
            }
        }
        int n = calibration.size();
        return new HoldoutEvaluation(n, length, maeModel / n, maeNaive / n, totalActual, totalModel, totalNaive,
                times, curveActual, curveModel, curveNaive);
    }

    /** The figures as provenance metrics; the curve as at most 13 evenly spaced points. */
    Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("holdoutCustomers", (double) customers);
        m.put("holdoutLength", length);
        m.put("holdoutMae", maeModel);
        m.put("holdoutMaeNaive", maeNaive);
        m.put("holdoutTotalActual", totalActual);
        m.put("holdoutTotalPredicted", totalModel);
        m.put("holdoutTotalNaive", totalNaive);
        int step = Math.max(1, (int) Math.ceil(curveTimes.length / 13.0));
        for (int i = step - 1; i < curveTimes.length; i += step) {
            String at = String.format(java.util.Locale.ROOT, "%.0f", curveTimes[i]);
            m.put("curve." + at + ".actual", curveActual[i]);
            m.put("curve." + at + ".predicted", curveModel[i]);
        }
        return m;
    }
}
