package io.merx.customers.internal.propensity;

/**
 * Platt scaling: {@code p = sigmoid(a * s + b)} on the model's logit {@code s}, fitted by Newton's method on a
 * slice the weights did not see, with Platt's (1999) smoothed targets so a small slice cannot push probabilities
 * to 0 or 1. Chosen over isotonic regression because two parameters fit stably on a few hundred customers and
 * keep the score monotone and smooth, which the reason codes (read on the logit) rely on.
 */
final class PlattScaling {

    private PlattScaling() {
    }

    /** {@code {a, b}} fitted on logits {@code s} and 0/1 labels {@code y}. */
    static double[] fit(double[] s, boolean[] y) {
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
            a -= da;
            b -= db;
            if (Math.abs(da) + Math.abs(db) < 1e-10) {
                break;
            }
        }
        return new double[] {a, b};
    }

    static double sigmoid(double t) {
        return 1 / (1 + Math.exp(-t));
    }
}
