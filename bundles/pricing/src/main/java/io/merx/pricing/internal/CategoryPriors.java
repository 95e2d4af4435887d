package io.merx.pricing.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Empirical-Bayes priors for one group of coefficients (own elasticity, cross elasticities, promotion, ...), from a
 * three-level hierarchy: per-product least-squares estimates {@code b ~ N(beta, v)}, true product coefficients
 * {@code beta ~ N(mu_c, tau^2)} around their category mean, and category means {@code mu_c ~ N(M, omega^2)} around
 * the overall mean.
 *
 * <p>{@code tau^2} is pooled over categories (DerSimonian-Laird on within-category deviations): a category of four
 * products cannot estimate its own spread, but hundreds of products together can. Each category mean is in turn
 * shrunk toward the overall mean by {@code omega^2} (DerSimonian-Laird across categories), so a category whose
 * products are all new does not hand them the noise of its own few estimates. A product's prior is
 * {@code N(mu_c, tau^2 + Var(mu_c))}: a category mean known from little data pulls less.
 */
final class CategoryPriors {

    /** Smallest prior spread: keeps the prior proper and leaves room for products that really differ. */
    static final double MIN_TAU2 = 1e-4;

    /** Prior of one coefficient: mean and variance. */
    record Prior(double mean, double variance, int products) {
    }

    private final Map<String, List<double[]>> estimates = new HashMap<>();
    private final Map<String, Prior> priors = new HashMap<>();
    private Prior global;

    /** Adds one product's least-squares estimate and its variance. */
    void add(String category, double estimate, double variance) {
        estimates.computeIfAbsent(category, c -> new ArrayList<>())
                .add(new double[] {estimate, Math.max(variance, 1e-12)});
    }

    /** Computes the priors from what was added. */
    void compute() {
        double q = 0;
        double df = 0;
        double scale = 0;
        List<double[]> all = new ArrayList<>();
        for (List<double[]> list : estimates.values()) {
            all.addAll(list);
            if (list.size() >= 2) {
                double[] s = moments(list);
                q += s[0];
                df += list.size() - 1;
                scale += s[1];
            }
        }
        if (all.size() < 2) {
            return;
        }
        double tau2;
        if (df > 0 && scale > 0) {
            tau2 = Math.max(MIN_TAU2, (q - df) / scale);
        } else {
            // every category has one product: the only spread to see is the one between categories
            double[] s = moments(all);
            tau2 = Math.max(MIN_TAU2, (s[0] - (all.size() - 1)) / s[1]);
        }
        // Category means (random-effects within each category) and their variances.
        Map<String, double[]> means = new HashMap<>();
        List<double[]> meanList = new ArrayList<>();
        for (Map.Entry<String, List<double[]>> entry : estimates.entrySet()) {
            double sw = 0;
            double swb = 0;
            for (double[] e : entry.getValue()) {
                double w = 1 / (e[1] + tau2);
                sw += w;
                swb += w * e[0];
            }
            double[] mean = {swb / sw, 1 / sw};
            means.put(entry.getKey(), mean);
            meanList.add(mean);
        }
        double omega2 = 0;
        if (meanList.size() >= 2) {
            double[] s = moments(meanList);
            omega2 = Math.max(0, (s[0] - (meanList.size() - 1)) / s[1]);
        }
        double sw = 0;
        double swb = 0;
        for (double[] m : meanList) {
            double w = 1 / (m[1] + omega2);
            sw += w;
            swb += w * m[0];
        }
        double overall = swb / sw;
        double overallVariance = 1 / sw;
        global = new Prior(overall, tau2 + omega2 + overallVariance, all.size());
        for (Map.Entry<String, double[]> entry : means.entrySet()) {
            double[] m = entry.getValue();
            double mean;
            double variance;
            if (omega2 <= 0) {
                mean = overall;
                variance = overallVariance;
            } else {
                double precision = 1 / m[1] + 1 / omega2;
                mean = (m[0] / m[1] + overall / omega2) / precision;
                variance = 1 / precision;
            }
            priors.put(entry.getKey(), new Prior(mean, tau2 + variance, estimates.get(entry.getKey()).size()));
        }
    }

    /** The prior for a product of this category, or null when too few products informed any prior. */
    Prior prior(String category) {
        Prior p = priors.get(category);
        return p != null ? p : global;
    }

    /** Cochran's Q around the fixed-effect mean, and {@code sum w - sum w^2 / sum w}. */
    private static double[] moments(List<double[]> list) {
        double sw = 0;
        double swb = 0;
        double sww = 0;
        for (double[] e : list) {
            double w = 1 / e[1];
            sw += w;
            swb += w * e[0];
            sww += w * w;
        }
        double mean = swb / sw;
        double q = 0;
        for (double[] e : list) {
            q += (e[0] - mean) * (e[0] - mean) / e[1];
        }
        return new double[] {q, sw - sww / sw};
    }
}
