package io.merx.nlp.internal;

/**
 * Temperature scaling (Guo et al., 2017): one scalar T that divides the logits, chosen to minimise the negative
 * log-likelihood on held-out data. It keeps the predicted class and fixes over-confidence, so a confidence of 0.8
 * means right about 80% of the time, which is what the out-of-scope threshold relies on.
 */
final class Calibration {

    private Calibration() {
    }

    /** The temperature in [0.05, 20] that minimises held-out log loss (golden-section search on log T). */
    static double temperature(double[][] logits, int[] truth) {
        if (logits.length == 0) {
            return 1.0;
        }
        double lo = Math.log(0.05);
        double hi = Math.log(20);
        double golden = (Math.sqrt(5) - 1) / 2;
        double a = hi - golden * (hi - lo);
        double b = lo + golden * (hi - lo);
        double fa = logLoss(logits, truth, Math.exp(a));
        double fb = logLoss(logits, truth, Math.exp(b));
        for (int i = 0; i < 60; i++) {
            if (fa < fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - golden * (hi - lo);
                fa = logLoss(logits, truth, Math.exp(a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + golden * (hi - lo);
                fb = logLoss(logits, truth, Math.exp(b));
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    /**
     * The temperature fitted on these logits when it lowers their expected calibration error, else 1: on few rows
     * per class a fitted temperature can make calibration worse.
     */
    static double temperatureIfItHelps(double[][] logits, int[] truth) {
        double fitted = temperature(logits, truth);
        return expectedCalibrationError(logits, truth, fitted) < expectedCalibrationError(logits, truth, 1.0)
                ? fitted : 1.0;
    }

    static double logLoss(double[][] logits, int[] truth, double temperature) {
        double loss = 0;
        for (int i = 0; i < logits.length; i++) {
            double p = softmax(logits[i], temperature)[truth[i]];
            loss -= Math.log(Math.max(p, 1e-15));
        }
        return loss / logits.length;
    }

    /** Expected calibration error over 15 equal-width confidence bins. */
    static double expectedCalibrationError(double[][] logits, int[] truth, double temperature) {
        int bins = 15;
        double[] confidence = new double[bins];
        double[] correct = new double[bins];
        int[] count = new int[bins];
        for (int i = 0; i < logits.length; i++) {
            double[] p = softmax(logits[i], temperature);
            int best = argMax(p);
            int bin = Math.min(bins - 1, (int) (p[best] * bins));
            confidence[bin] += p[best];
            correct[bin] += best == truth[i] ? 1 : 0;
            count[bin]++;
        }
        double ece = 0;
        for (int k = 0; k < bins; k++) {
            if (count[k] > 0) {
                ece += Math.abs(correct[k] - confidence[k]) / logits.length;
            }
        }
        return ece;
    }

    static double[] softmax(double[] logits, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logits) {
            max = Math.max(max, z / temperature);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] / temperature - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The indices of the {@code k} largest values (all when fewer), largest first; ties go to the lower index. */
    static int[] topIndices(double[] values, int k) {
        int n = Math.min(k, values.length);
        int[] top = new int[n];
        boolean[] taken = new boolean[values.length];
        for (int t = 0; t < n; t++) {
            int best = -1;
            for (int i = 0; i < values.length; i++) {
                if (!taken[i] && (best < 0 || values[i] > values[best])) {
                    best = i;
                }
            }
            taken[best] = true;
            top[t] = best;
        }
        return top;
    }
}
