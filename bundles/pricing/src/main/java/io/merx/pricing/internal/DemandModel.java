package io.merx.pricing.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All fitted products of one pricing model and the demand they imply: log units, their parameter variance and
 * expected units at any price vector. Immutable and thread-safe.
 */
final class DemandModel {

    private final List<ProductDemand> products;
    private final TermLayout layout;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, CategoryPrior> priors;

    DemandModel(List<ProductDemand> products, TermLayout layout, Map<String, CategoryPrior> priors) {
        this.products = List.copyOf(products);
        this.layout = layout;
        this.priors = Map.copyOf(priors);
        for (int i = 0; i < this.products.size(); i++) {
            index.put(this.products.get(i).name(), i);
        }
    }

    List<ProductDemand> products() {
        return products;
    }

    ProductDemand product(int i) {
        return products.get(i);
    }

    int size() {
        return products.size();
    }

    TermLayout layout() {
        return layout;
    }

    /** The category-level prior of the own elasticity, or null where shrinkage was off or not possible. */
    CategoryPrior prior(String category) {
        return priors.get(category);
    }

    Map<String, CategoryPrior> priors() {
        return priors;
    }

    /**
     * The index of a product.
     *
     * @throws IllegalArgumentException naming the field when the model does not know the product
     */
    int indexOf(String name, String field) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("field '" + field + "': unknown product '" + name + "'; the model has "
                    + products.size() + " products, e.g. " + products.subList(0, Math.min(5, products.size()))
                            .stream().map(ProductDemand::name).toList());
        }
        return i;
    }

    /** Current prices: every product at its last observed price. */
    double[] lastPrices() {
        double[] prices = new double[products.size()];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = products.get(i).lastPrice();
        }
        return prices;
    }

    /** The regressors of product i at the given prices (one per model product) and context. */
    double[] design(int i, double[] prices, MarketContext context) {
        ProductDemand d = products.get(i);
        int[] partners = d.partners();
        double[] x = new double[d.terms()];
        x[ProductDemand.INTERCEPT] = 1;
        x[ProductDemand.OWN] = Math.log(prices[i]) - d.meanLogPrice();
        for (int k = 0; k < partners.length; k++) {
            int j = partners[k];
            x[ProductDemand.FIRST_CROSS + k] = Math.log(prices[j]) - products.get(j).meanLogPrice();
        }
        if (layout.promo()) {
            x[layout.promoIndex(partners.length)] = context.promo()[i];
        }
        if (layout.display()) {
            x[layout.displayIndex(partners.length)] = context.display()[i];
        }
        if (layout.competitor()) {
            double lc = context.logCompetitor()[i];
            x[layout.competitorIndex(partners.length)] = Double.isNaN(lc) ? 0 : lc - d.meanLogCompetitor();
        }
        return x;
    }

    /** Expected units of product i per period: the log-normal mean {@code exp(beta . x + sigma2 / 2)}. */
    double expectedUnits(int i, double[] prices, MarketContext context) {
        ProductDemand d = products.get(i);
        return Math.exp(dot(d.beta(), design(i, prices, context)) + 0.5 * d.sigma2());
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    /** {@code x' S x}: the variance of a linear combination of the coefficients. */
    static double quadratic(double[][] s, double[] x) {
        double q = 0;
        for (int a = 0; a < x.length; a++) {
            double row = 0;
            for (int b = 0; b < x.length; b++) {
                row += s[a][b] * x[b];
            }
            q += x[a] * row;
        }
        return Math.max(0, q);
    }

    /**
     * The category-level distribution of the own elasticity that products were shrunk toward.
     *
     * @param mean category mean own elasticity
     * @param sd spread of the true elasticities around it (empirical Bayes tau)
     * @param products products whose own estimates informed it
     */
    record CategoryPrior(double mean, double sd, int products) {
    }
}
