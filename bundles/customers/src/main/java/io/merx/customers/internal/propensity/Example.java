package io.merx.customers.internal.propensity;

import java.time.LocalDate;

/**
 * One training row: a customer's raw features as of a cutoff and whether they bought in the horizon after it.
 *
 * @param customer the customer id
 * @param cutoff the date the features are computed at
 * @param raw the untransformed features ({@link BehaviourFeatures#raw})
 * @param bought whether the customer has an order in (cutoff, cutoff + horizon]
 */
record Example(String customer, LocalDate cutoff, double[] raw, boolean bought) {
}
