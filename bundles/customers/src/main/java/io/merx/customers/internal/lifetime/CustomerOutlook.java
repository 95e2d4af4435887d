package io.merx.customers.internal.lifetime;

/**
 * What the model says about one customer over a horizon: closed-form expectations and, from
 * {@link PredictiveSimulation}, prediction intervals at {@code level} for the purchases and the value.
 */
record CustomerOutlook(double probabilityAlive, double expectedPurchases, double expectedSpend,
        double expectedValue, double level, double purchasesLower, double purchasesUpper, double valueLower,
        double valueUpper) {
}
