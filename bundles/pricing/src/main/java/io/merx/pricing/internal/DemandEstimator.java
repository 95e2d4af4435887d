package io.merx.pricing.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fits a {@link DemandModel}: log-log demand per product with cross-price terms for substitutes in its category,
 * promotion/display/competitor terms where the data has them, in two stages.
 * <ol>
 * <li>Least squares per product on the columns its own data vary ({@link Nd4jAlgebra}), giving estimates, their
 * variances and the residual variance.</li>
 * <li>Shrinkage: each coefficient group gets a Gaussian prior centred on its category mean
 * ({@link CategoryPriors}), and each product's coefficients are the posterior mean of its own data under that
 * prior, {@code (X'X / s2 + P)^-1 (X'y / s2 + P m)}; the inverse is the posterior covariance. Thin products, or
 * those with a single observed price, thereby borrow strength from their category.</li>
 * </ol>
 */
final class DemandEstimator {

    /** Prior degrees of freedom of the residual variance: a product with 3 rows leans on its category's. */
    private static final double VARIANCE_PRIOR_DF = 4;

    /**
     * @param shrinkage how products borrow strength
     * @param ridgeLambda penalty for {@link Shrinkage#RIDGE}
     * @param maxCross largest number of substitutes per product (by volume); 0 for no cross-price terms
     */
    record Settings(Shrinkage shrinkage, double ridgeLambda, int maxCross) {
    }

    private final SalesHistory h;
    private final Settings settings;
    private final TermLayout layout;

    DemandEstimator(SalesHistory history, Settings settings) {
        this.h = history;
        this.settings = settings;
        this.layout = new TermLayout(history.hasPromo, history.hasDisplay, history.hasCompetitor);
    }

    /** Fits on the rows where {@code use} is true (all rows for the final model, early periods for a hold-out). */
    DemandModel fit(boolean[] use) {
        int n = h.products.size();
        ProductDesigns built = new ProductDesigns(h, use, layout, settings.maxCross());
        ProductDesigns.Stats[] stats = built.stats;
        int[][] partners = built.partners;
        ProductDesigns.Design[] designs = built.designs;
        LeastSquares[] ols = new LeastSquares[n];
        for (int i = 0; i < n; i++) {
            ols[i] = leastSquares(designs[i], stats[i]);
        }
        CategoryPriors[] priors = priors(designs, ols);
        Map<String, Double> baseVariance = baseVariances(ols);

        List<ProductDemand> products = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            products.add(posterior(i, partners[i], designs[i], ols[i], stats[i], priors, baseVariance));
        }
        if (products.stream().noneMatch(ProductDemand::estimable)) {
            String why = products.stream().map(ProductDemand::note).filter(s -> !s.isEmpty()).findFirst().orElse("");
            throw new IllegalArgumentException("column 'price': no product's elasticity can be estimated from this "
                    + "history (first product: " + why + ")");
        }
        Map<String, DemandModel.CategoryPrior> categoryPriors = new LinkedHashMap<>();
        if (settings.shrinkage() != Shrinkage.NONE) {
            for (String category : new java.util.TreeSet<>(h.categories)) {
                CategoryPriors.Prior p = priors[ProductDesigns.GROUP_OWN].prior(category);
                if (p != null) {
                    categoryPriors.put(category, new DemandModel.CategoryPrior(p.mean(), Math.sqrt(p.variance()),
                            p.products()));
                }
            }
        }
        return new DemandModel(products, layout, categoryPriors);
    }


    /**
     * Stage-1 least squares on the columns that vary.
     *
     * @param beta estimates on all terms (0 where a column does not vary), or null when not estimable
     * @param variance sampling variance of each estimate
     * @param s2 residual variance
     * @param df residual degrees of freedom
     * @param note why own data do not identify the own elasticity, or empty
     */
    private record LeastSquares(double[] beta, double[] variance, double[][] covariance, double s2, int df,
            String note) {
        boolean ok() {
            return beta != null;
        }
    }

    private LeastSquares leastSquares(ProductDesigns.Design d, ProductDesigns.Stats stats) {
        int p = d.group().length;
        int[] cols = active(d.varies());
        int n = d.x().length;
        if (n == 0) {
            return failed("no rows with units above 0");
        }
        if (!d.varies()[ProductDemand.OWN]) {
            return failed(String.format(Locale.ROOT, "a single observed price (%.2f)",
                    Math.exp(stats.minLogPrice)));
        }
        if (n - cols.length < 2) {
            return failed(n + " rows with units above 0 for " + cols.length + " coefficients");
        }
        double[][] cross = d.cross(cols);
        double[][] gram = gram(cross);
        double[][] inverse = Nd4jAlgebra.inverseOrNull(gram);
        if (inverse == null) {
            return failed("the price moves only together with other regressors (collinear design)");
        }
        double[] b = multiply(inverse, column(cross));
        double rss = 0;
        double[][] xs = select(d.x(), cols);
        for (int r = 0; r < n; r++) {
            double e = d.y()[r] - DemandModel.dot(b, xs[r]);
            rss += e * e;
        }
        int df = n - cols.length;
        double s2 = Math.max(rss / df, 1e-12);
        double[] beta = new double[p];
        double[] variance = new double[p];
        double[][] covariance = new double[p][p];
        for (int a = 0; a < cols.length; a++) {
            beta[cols[a]] = b[a];
            variance[cols[a]] = s2 * inverse[a][a];
            for (int c = 0; c < cols.length; c++) {
                covariance[cols[a]][cols[c]] = s2 * inverse[a][c];
            }
        }
        return new LeastSquares(beta, variance, covariance, s2, df, "");
    }

    private static LeastSquares failed(String note) {
        return new LeastSquares(null, null, null, Double.NaN, 0, note);
    }

    private CategoryPriors[] priors(ProductDesigns.Design[] designs, LeastSquares[] ols) {
        CategoryPriors[] priors = new CategoryPriors[ProductDesigns.GROUPS];
        for (int g = 0; g < priors.length; g++) {
            priors[g] = new CategoryPriors();
        }
        for (int i = 0; i < designs.length; i++) {
            if (!ols[i].ok()) {
                continue;
            }
            for (int k = 1; k < designs[i].group().length; k++) {
                if (designs[i].varies()[k]) {
                    priors[designs[i].group()[k]].add(h.categories.get(i), ols[i].beta[k], ols[i].variance[k]);
                }
            }
        }
        for (CategoryPriors prior : priors) {
            prior.compute();
        }
        return priors;
    }

    /** Median residual variance per category (and over all, under key null), for thin products. */
    private Map<String, Double> baseVariances(LeastSquares[] ols) {
        Map<String, List<Double>> byCategory = new HashMap<>();
        List<Double> all = new ArrayList<>();
        for (int i = 0; i < ols.length; i++) {
            if (ols[i].ok()) {
                byCategory.computeIfAbsent(h.categories.get(i), c -> new ArrayList<>()).add(ols[i].s2);
                all.add(ols[i].s2);
            }
        }
        Map<String, Double> base = new HashMap<>();
        byCategory.forEach((category, list) -> base.put(category, median(list)));
        if (!all.isEmpty()) {
            base.put(null, median(all));
        }
        return base;
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : 0.5 * (v[v.length / 2 - 1] + v[v.length / 2]);
    }

    private ProductDemand posterior(int i, int[] partners, ProductDesigns.Design d, LeastSquares ols,
            ProductDesigns.Stats stats, CategoryPriors[] priors, Map<String, Double> baseVariance) {
        String name = h.products.get(i);
        String category = h.categories.get(i);
        int p = d.group().length;
        boolean identified = ols.ok();
        if (settings.shrinkage() == Shrinkage.NONE) {
            if (!identified) {
                return product(i, partners, new double[p], new double[p][p], 0, stats, 0, false, "none",
                        ols.note() + "; shrinkage=none has no category prior to borrow from");
            }
            return product(i, partners, ols.beta, ols.covariance, ols.s2, stats, d.x().length, true, "own data", "");
        }
        if (d.x().length == 0) {
            return product(i, partners, new double[p], new double[p][p], 0, stats, 0, false, "none", ols.note());
        }
        Double base = baseVariance.getOrDefault(category, baseVariance.get(null));
        if (base == null) {
            return product(i, partners, new double[p], new double[p][p], 0, stats, 0, false, "none",
                    ols.note() + "; no product has enough data to set a prior");
        }
        double s2 = identified ? (ols.df * ols.s2 + VARIANCE_PRIOR_DF * base) / (ols.df + VARIANCE_PRIOR_DF) : base;

        // Which terms enter: the intercept, every term with a prior, and unpooled terms the data vary.
        boolean[] on = new boolean[p];
        double[] precision = new double[p];
        double[] mean = new double[p];
        on[ProductDemand.INTERCEPT] = true;
        for (int k = 1; k < p; k++) {
            CategoryPriors.Prior prior = priors[d.group()[k]].prior(category);
            if (prior != null) {
                on[k] = true;
                precision[k] = settings.shrinkage() == Shrinkage.RIDGE ? settings.ridgeLambda() / s2
                        : 1 / prior.variance();
                mean[k] = prior.mean();
            } else {
                on[k] = identified && d.varies()[k];
            }
        }
        if (!on[ProductDemand.OWN]) {
            return product(i, partners, new double[p], new double[p][p], 0, stats, d.x().length, false, "none",
                    ols.note() + "; too few products in the data to set a category prior");
        }
        int[] cols = active(on);
        double[][] cross = d.cross(cols);
        double[][] a = gram(cross);
        double[] rhs = column(cross);
        for (int c = 0; c < cols.length; c++) {
            for (int e = 0; e < cols.length; e++) {
                a[c][e] /= s2;
            }
            rhs[c] = rhs[c] / s2 + precision[cols[c]] * mean[cols[c]];
            a[c][c] += precision[cols[c]];
        }
        double[][] inverse = Nd4jAlgebra.inverseOrNull(a);
        if (inverse == null) {
            return product(i, partners, new double[p], new double[p][p], 0, stats, d.x().length, false, "none",
                    "the price moves only together with other regressors (collinear design)");
        }
        double[] b = multiply(inverse, rhs);
        double[] beta = new double[p];
        double[][] covariance = new double[p][p];
        for (int c = 0; c < cols.length; c++) {
            beta[cols[c]] = b[c];
            for (int e = 0; e < cols.length; e++) {
                covariance[cols[c]][cols[e]] = inverse[c][e];
            }
        }
        // A product with a varying price informs its own elasticity even when too thin to identify it alone.
        boolean pooledOwn = precision[ProductDemand.OWN] > 0;
        String basis = !pooledOwn ? "own data" : d.varies()[ProductDemand.OWN] ? "own data + category prior"
                : "category prior";
        return product(i, partners, beta, covariance, s2, stats, d.x().length, identified, basis, ols.note());
    }

    private ProductDemand product(int i, int[] partners, double[] beta, double[][] covariance, double s2,
            ProductDesigns.Stats s, int rows, boolean identified, String basis, String note) {
        boolean seen = s.priceRows > 0;
        return new ProductDemand(h.products.get(i), h.categories.get(i), partners, beta, covariance, s2,
                s.meanLogPrice(), s.meanLogCompetitor(), seen ? Math.exp(s.lastLogPrice) : 1,
                seen ? Math.exp(s.minLogPrice) : 1, seen ? Math.exp(s.maxLogPrice) : 1, s.prices.size(), rows,
                identified, basis, note);
    }

    private static int[] active(boolean[] on) {
        int count = 0;
        for (boolean b : on) {
            count += b ? 1 : 0;
        }
        int[] cols = new int[count];
        for (int k = 0, c = 0; k < on.length; k++) {
            if (on[k]) {
                cols[c++] = k;
            }
        }
        return cols;
    }

    private static double[][] select(double[][] x, int[] cols) {
        double[][] out = new double[x.length][cols.length];
        for (int r = 0; r < x.length; r++) {
            for (int c = 0; c < cols.length; c++) {
                out[r][c] = x[r][cols[c]];
            }
        }
        return out;
    }

    private static double[][] gram(double[][] cross) {
        int p = cross.length;
        double[][] g = new double[p][p];
        for (int a = 0; a < p; a++) {
            System.arraycopy(cross[a], 0, g[a], 0, p);
        }
        return g;
    }

    private static double[] column(double[][] cross) {
        double[] c = new double[cross.length];
        for (int a = 0; a < c.length; a++) {
            c[a] = cross[a][cross.length];
        }
        return c;
    }

    private static double[] multiply(double[][] m, double[] v) {
        double[] out = new double[m.length];
        for (int a = 0; a < m.length; a++) {
            out[a] = DemandModel.dot(m[a], v);
        }
        return out;
    }
}
