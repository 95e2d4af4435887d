/**
 * Customer analytics for Merx, computed from order lines (customer, date, amount, optional order id, item and
 * category): the model kinds {@code customers.segments} (RFM features clustered with k-means),
 * {@code customers.lifetime} (BG/NBD and Gamma-Gamma customer lifetime value) and {@code customers.propensity}
 * (probability of buying in the next days, with reason codes). See {@code docs/customers.md}.
 */
package io.merx.customers;
