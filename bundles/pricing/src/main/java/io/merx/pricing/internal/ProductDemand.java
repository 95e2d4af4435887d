package io.merx.pricing.internal;

/**
 * The fitted demand of one product: {@code log units = beta . x} with
 * {@code x = [1, log p - m, (log p_j - m_j) for each partner j, promo, display, log competitor - mc]} (the
 * optional terms present when the model has them). Coefficients are posterior means; {@code covariance} is their
 * posterior covariance, from which every interval in a response derives.
 *
 * @param name product identifier
 * @param category its category
 * @param partners indices (in the model) of the substitutes whose prices enter as cross-price terms
 * @param beta coefficients, all zero when the product is not estimable
 * @param covariance coefficient covariance; zero rows for terms the data could not inform
 * @param sigma2 residual variance of log units, for the log-normal mean {@code exp(mu + sigma2 / 2)}
 * @param meanLogPrice centre of the own log price (and of this product's price when it is someone's partner)
 * @param meanLogCompetitor centre of the log competitor price (0 without that column)
 * @param lastPrice price in the product's latest period: the default current price
 * @param minPrice lowest observed price
 * @param maxPrice highest observed price
 * @param distinctPrices number of different prices observed
 * @param rows observations (with units above 0) the fit used
 * @param identified whether the product's own data identify its own elasticity
 * @param basis where the own elasticity comes from: {@code own data}, {@code own data + category prior},
 *        {@code category prior}, or {@code none} when it is not estimable
 * @param note why the own data do not identify the elasticity; empty when they do
 */
record ProductDemand(String name, String category, int[] partners, double[] beta, double[][] covariance,
        double sigma2, double meanLogPrice, double meanLogCompetitor, double lastPrice, double minPrice,
        double maxPrice, int distinctPrices, int rows, boolean identified, String basis, String note) {

    static final int INTERCEPT = 0;
    static final int OWN = 1;
    static final int FIRST_CROSS = 2;

    boolean estimable() {
        return !"none".equals(basis);
    }

    int terms() {
        return beta.length;
    }

    double standardError(int term) {
        return Math.sqrt(Math.max(0, covariance[term][term]));
    }
}
