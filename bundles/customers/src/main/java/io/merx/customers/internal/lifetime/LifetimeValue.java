package io.merx.customers.internal.lifetime;

/**
 * Closed-form outlook of one customer under fitted BG/NBD and Gamma-Gamma models: P(alive), expected purchases
 * in the horizon (equation 10), expected spend per transaction and expected value, optionally discounted.
 *
 * <p>Discounting: the horizon is cut into whole time units, and the purchases expected in unit {@code k}
 * ({@code E[Y(k)] - E[Y(k-1)]}) are discounted by {@code (1 + d)^-k}, d being the rate per time unit; that is
 * the discrete form of Fader-Hardie-Lee's discounted expected residual transactions and equals it as the unit
 * shrinks.
 */
record LifetimeValue(BgNbd purchases, GammaGamma spend, double horizon, double discountPerUnit) {

    LifetimeValue {
        if (!(horizon > 0) || Double.isInfinite(horizon)) {
            throw new IllegalArgumentException("horizon must be > 0, got " + horizon);
        }
        if (!(discountPerUnit >= 0) || Double.isInfinite(discountPerUnit)) {
            throw new IllegalArgumentException("discount rate must be >= 0, got " + discountPerUnit);
        }
    }

    double expectedSpend(RfmSummary c) {
        return spend.expectedSpend(c.x(), c.meanSpend());
    }

    /** Expected purchases in the horizon, each weighted by its discount factor. */
    double discountedPurchases(RfmSummary c) {
        if (discountPerUnit == 0) {
            return purchases.expectedPurchases(horizon, c.x(), c.tx(), c.age());
        }
        double total = 0;
        double before = 0;
        for (int k = 1; k - 1 < horizon; k++) {
            double until = purchases.expectedPurchases(Math.min(k, horizon), c.x(), c.tx(), c.age());
            total += (until - before) * Math.pow(1 + discountPerUnit, -k);
            before = until;
        }
        return total;
    }

    /** Discount factor of a purchase at time {@code s} after the end of the data (the unit it falls in). */
    double discountAt(double s) {
        return discountPerUnit == 0 ? 1 : Math.pow(1 + discountPerUnit, -Math.max(1, Math.ceil(s)));
    }

    double expectedValue(RfmSummary c) {
        return discountedPurchases(c) * expectedSpend(c);
    }
}
