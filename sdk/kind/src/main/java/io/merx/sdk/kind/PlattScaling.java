package io.merx.sdk.kind;

/**
 * Platt scaling: {@code p = sigmoid(a * s + b)} on a model's logit {@code s}, fitted by Newton's method on rows the
 * model did not learn from, with Platt's (1999) smoothed targets so a small slice cannot push probabilities to 0
 * or 1. It also undoes the prior shift of a model trained with class weights: the weighted model's logits are
 * mapped back to probabilities at the true fraud rate. Two parameters fit stably on few positives and keep the
 * score monotone, which reason codes read on the logit rely on. Chosen over isotonic regression for those reasons.
 *
 * <pre>{@code
 * PlattScaling calibration = PlattScaling.fit(logitsOfTheCalibrationSlice, labels);
 * double p = calibration.probability(logit);
 * }</pre>
 *
 * @param a slope
 * @param b intercept
 * @since 1.1
 */
public record PlattScaling(double a, double b) {

    public PlattScaling {
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("calibration parameters must be finite, got a=" + a + " b=" + b);
        }
    }

    /** The calibration fitted on logits {@code s} and labels {@code y}. */
    public static PlattScaling fit(double[] s, boolean[] y) {
        int positives = 0;
        for (boolean label : y) {
            positives += label ? 1 : 0;
        }
        int negatives = y.length - positives;
        double hi = (positives + 1.0) / (positives + 2.0);
        double lo = 1.0 / (negatives + 2.0);
        double a = 1;
        double b = 0;
        for (int iteration = 0; iteration < 100; iteration++) {
            double ga = 0;
            double gb = 0;
            double haa = 1e-9;
            double hab = 0;
            double hbb = 1e-9;
            for (int i = 0; i < s.length; i++) {
                double p = sigmoid(a * s[i] + b);
                double t = y[i] ? hi : lo;
                double w = p * (1 - p);
                ga += (p - t) * s[i];
                gb += p - t;
                haa += w * s[i] * s[i];
                hab += w * s[i];
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            // Backtracking: a full Newton step from far away (logits of a class-weighted model sit far from the true
            // rate) can overshoot and diverge; halve it until the loss goes down.
            double before = loss(s, y, hi, lo, a, b);
            double step = 1;
            while (step > 1e-10 && loss(s, y, hi, lo, a - step * da, b - step * db) > before) {
                step /= 2;
            }
            a -= step * da;
            b -= step * db;
            if (step * (Math.abs(da) + Math.abs(db)) < 1e-10) {
                break;
            }
        }
        return new PlattScaling(a, b);
    }

    /** Cross-entropy against the smoothed targets, computed stably from the logit. */
    private static double loss(double[] s, boolean[] y, double hi, double lo, double a, double b) {
        double sum = 0;
        for (int i = 0; i < s.length; i++) {
            double t = y[i] ? hi : lo;
            double f = a * s[i] + b;
            // -t log sigmoid(f) - (1 - t) log(1 - sigmoid(f)) = log(1 + e^f) - t f
            sum += Math.max(f, 0) + Math.log1p(Math.exp(-Math.abs(f))) - t * f;
        }
        return sum;
    }

    /** The calibrated probability of a logit. */
    public double probability(double logit) {
        return sigmoid(a * logit + b);
    }

    /** The logistic function. */
    public static double sigmoid(double t) {
        return 1 / (1 + Math.exp(-t));
    }
}
