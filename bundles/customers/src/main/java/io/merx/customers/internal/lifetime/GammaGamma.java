package io.merx.customers.internal.lifetime;

import static org.apache.commons.math3.special.Gamma.logGamma;

/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie and Lee 2005, "RFM and CLV: using iso-value
 * curves"; Colombo and Jiang 1999): a customer's transactions are {@code Gamma(p, nu)}, with {@code nu ~ Gamma(q,
 * gamma)} across customers, independent of the purchase process. Fitted on repeat customers' mean spend.
 */
record GammaGamma(double p, double q, double gamma) {

    GammaGamma {
        for (double v : new double[] {p, q, gamma}) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("Gamma-Gamma parameters must be finite and > 0, got p=" + p
                        + ", q=" + q + ", gamma=" + gamma);
            }
        }
    }

    /** Log density of the mean {@code m} of {@code x >= 1} transactions (the mean is Gamma(p x, nu x)). */
    double logLikelihood(int x, double m) {
        double px = p * x;
        return logGamma(px + q) - logGamma(px) - logGamma(q) + q * Math.log(gamma) + (px - 1) * Math.log(m)
                + px * Math.log(x) - (px + q) * Math.log(gamma + m * x);
    }

    /**
     * E[spend per transaction | x, m]: the posterior mean, a weighted average of the population mean
     * {@code p gamma / (q - 1)} and the customer's own mean. Infinite when {@code q <= 1} (the population mean
     * does not exist) and the customer has no repeat transaction to go on.
     */
    double expectedSpend(int x, double m) {
        double denominator = p * x + q - 1;
        return denominator > 0 ? p * (gamma + m * x) / denominator : Double.POSITIVE_INFINITY;
    }

    /** Shape of nu's posterior given x transactions with mean m; its rate is {@link #posteriorRate}. */
    double posteriorShape(int x) {
        return p * x + q;
    }

    double posteriorRate(int x, double m) {
        return gamma + m * x;
    }
}
