package io.merx.customers.internal.propensity;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How good held-out probabilities are: ranking (AUC), accuracy of the probabilities (Brier score, log loss) and
 * calibration (a 10-bin reliability table of mean predicted vs observed rate).
 */
final class HoldoutMetrics {

    static final int BINS = 10;

    private HoldoutMetrics() {
    }

    /** AUC by ranks (Mann-Whitney), ties sharing their mean rank; 0.5 when one class is missing. */
    static double auc(double[] p, boolean[] y) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double positiveRankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && p[order[j + 1]] == p[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (y[order[k]]) {
                    positiveRankSum += rank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = p.length - positives;
        if (positives == 0 || negatives == 0) {
            return 0.5;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    static double brier(double[] p, boolean[] y) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double e = p[i] - (y[i] ? 1 : 0);
            sum += e * e;
        }
        return sum / p.length;
    }

    static double logLoss(double[] p, boolean[] y) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double q = Math.min(Math.max(p[i], 1e-12), 1 - 1e-12);
            sum -= y[i] ? Math.log(q) : Math.log(1 - q);
        }
        return sum / p.length;
    }

    /** Rows {count, mean predicted, observed rate} for bins [0, 0.1), ..., [0.9, 1]; empty bins hold zeros. */
    static double[][] reliability(double[] p, boolean[] y) {
        double[][] bins = new double[BINS][3];
        for (int i = 0; i < p.length; i++) {
            int bin = Math.min(BINS - 1, (int) Math.floor(p[i] * BINS));
            bins[bin][0]++;
            bins[bin][1] += p[i];
            bins[bin][2] += y[i] ? 1 : 0;
        }
        for (double[] bin : bins) {
            if (bin[0] > 0) {
                bin[1] /= bin[0];
                bin[2] /= bin[0];
            }
        }
        return bins;
    }

    /** All of the above as provenance metrics: {@code auc}, {@code brier}, ..., {@code reliability.3.observed}. */
    static Map<String, Double> of(double[] p, boolean[] y) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("auc", auc(p, y));
        metrics.put("brier", brier(p, y));
        metrics.put("logLoss", logLoss(p, y));
        double observed = 0;
        double predicted = 0;
        for (int i = 0; i < p.length; i++) {
            observed += y[i] ? 1 : 0;
            predicted += p[i];
        }
        metrics.put("observedRate", observed / p.length);
        metrics.put("meanPredicted", predicted / p.length);
        double[][] bins = reliability(p, y);
        for (int b = 0; b < BINS; b++) {
            metrics.put("reliability." + b + ".count", bins[b][0]);
            metrics.put("reliability." + b + ".predicted", bins[b][1]);
            metrics.put("reliability." + b + ".observed", bins[b][2]);
        }
        return metrics;
    }
}
