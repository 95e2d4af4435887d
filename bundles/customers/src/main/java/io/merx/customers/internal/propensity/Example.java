package io.merx.customers.internal.propensity;

/**
 * One training row: a customer's raw features as of a cutoff and whether they bought in the horizon after it.
 *
 * @param customer the customer id
 * @param cutoffDay the day the features are computed at (days since 1970-01-01)
 * @param raw the untransformed features ({@link BehaviourFeatures#raw})
 * @param bought whether the customer has an order in (cutoff, cutoff + horizon]
 */
record Example(String customer, int cutoffDay, double[] raw, boolean bought) {
}
