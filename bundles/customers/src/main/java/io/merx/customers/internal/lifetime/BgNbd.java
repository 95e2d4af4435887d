package io.merx.customers.internal.lifetime;

import static org.apache.commons.math3.special.Gamma.logGamma;

/**
 * The BG/NBD model of repeat purchasing (Fader, Hardie and Lee 2005, "Counting your customers the easy way"):
 * while alive a customer buys as a Poisson process with rate {@code lambda ~ Gamma(r, alpha)}, and after each
 * purchase drops out with probability {@code p ~ Beta(a, b)}.
 */
record BgNbd(double r, double alpha, double a, double b) {

    BgNbd {
        for (double v : new double[] {r, alpha, a, b}) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("BG/NBD parameters must be finite and > 0, got r=" + r
                        + ", alpha=" + alpha + ", a=" + a + ", b=" + b);
            }
        }
    }

    /** The log-likelihood of one customer's (x, tx, T), equation (6) of the paper, in log space. */
    double logLikelihood(int x, double tx, double age) {
        double a1 = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
        double a2 = logGamma(a + b) + logGamma(b + x) - logGamma(b) - logGamma(a + b + x);
        double a3 = -(r + x) * Math.log(alpha + age);
        if (x == 0) {
            return a1 + a2 + a3;
        }
        double a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
        return a1 + a2 + logAddExp(a3, a4);
    }

    /** P(alive at T | x, tx, T), equation (11). */
    double probabilityAlive(int x, double tx, double age) {
        if (x == 0) {
            return 1.0;
        }
        double logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + age) - Math.log(alpha + tx));
        return 1.0 / (1.0 + Math.exp(logOdds));
    }

    /**
     * E[Y(t) | x, tx, T], the expected purchases in the next {@code t} time units, equation (10). With x = 0 and
     * T = 0 it is the population's E[X(t)] (equation 9): what a brand-new customer is expected to do.
     */
    double expectedPurchases(double t, int x, double tx, double age) {
        if (!(t >= 0)) {
            throw new IllegalArgumentException("horizon must be >= 0, got " + t);
        }
        if (t == 0) {
            return 0;
        }
        double alive = probabilityAlive(x, tx, age);
        return (a + b + x - 1) * oneMinusScaled2F1(t, x, age) * alive;
    }

    /**
     * {@code [1 - ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; t/(alpha+T+t))] / (a-1)}, computed without
     * the cancellation of the textbook form and without its division by zero at a = 1. Pfaff's transformation
     * turns the scaled 2F1 into {@code 2F1(r+x, a-1; a+b+x-1; -w)} with {@code w = t/(alpha+T)}: its k = 0 term
     * is the 1 being subtracted, so the difference is the series from k = 1, and dividing by (a - 1) only shifts
     * a Pochhammer symbol. That alternating series needs w < 1 (used up to 0.5); beyond, Pfaff's other
     * transformation gives {@code (1+w)^(1-a) 2F1(a+b-1-r, a-1; a+b+x-1; w/(1+w))}, whose argument stays below 1
     * and whose 1/(a-1) again goes into an expm1 and a shifted Pochhammer symbol.
     */
    private double oneMinusScaled2F1(double t, int x, double age) {
        double s = r + x;
        double c = a + b + x - 1;
        double w = t / (alpha + age);
        if (w <= 0.5) {
            // sum_{k>=1} (-1)^(k+1) (s)_k (a)_{k-1} / ((c)_k k!) w^k
            return seriesFromOne(s, c, -w, -1);
        }
        double z = w / (1 + w);
        double logScale = (1 - a) * Math.log1p(w);
        double head = a == 1 ? Math.log1p(w) : -Math.expm1(logScale) / (a - 1);
        // sum_{k>=1} (c-s)_k (a)_{k-1} / ((c)_k k!) z^k
        return head - Math.exp(logScale) * seriesFromOne(c - s, c, z, 1);
    }

    /** {@code sign * sum_{k>=1} (p)_k (a)_{k-1} / ((c)_k k!) z^k}, for |z| < 1. */
    private double seriesFromOne(double p, double c, double z, double sign) {
        double term = sign * p / c * z;
        double sum = term;
        for (int k = 1; k < 10_000_000; k++) {
            term *= (p + k) * (a - 1 + k) / ((c + k) * (k + 1)) * z;
            sum += term;
            if (Math.abs(term) <= 1e-17 * Math.abs(sum)) {
                return sum;
            }
        }
        throw new ArithmeticException("2F1 series did not converge for z=" + z);
    }

    static double logAddExp(double u, double v) {
        double max = Math.max(u, v);
        return max + Math.log(Math.exp(u - max) + Math.exp(v - max));
    }
}
