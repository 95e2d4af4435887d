/**
 * The pricing model kind {@code pricing.demand}: price elasticities estimated from sales history (log-log demand
 * per product with cross-price and promotion terms, shrunk toward the category by empirical Bayes, on ND4J), and
 * price optimisation under business constraints with the uncertainty of the expected outcome. Nothing here is
 * exported: the platform reaches the kind through the {@link io.merx.api.ModelKind} service.
 */
package io.merx.pricing;
