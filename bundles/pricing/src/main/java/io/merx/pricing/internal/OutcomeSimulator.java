package io.merx.pricing.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The uncertainty of expected units, revenue and profit at given prices, by simulation from the coefficients'
 * posterior. For product i the log mean units {@code beta_i . x_i} is normal with variance
 * {@code x_i' Cov_i x_i}; products are fitted separately, so draws are independent across products. Totals over
 * products are sums of log-normals with no closed form, which is why this simulates rather than using the delta
 * method. Seeded, so one request always gets the same answer.
 */
final class OutcomeSimulator {

    private OutcomeSimulator() {
    }

    /**
     * Per-product and total outcomes. Point values are at the posterior mean coefficients; intervals are the
     * 2.5 % and 97.5 % quantiles of the draws.
     *
     * @param costs unit cost per product (positions of {@code products}), or null for revenue only
     */
    static Outcome simulate(DemandModel model, int[] products, double[] prices, MarketContext context, double[] costs,
            int draws, long seed) {
        int k = products.length;
        double[] mean = new double[k];
        double[] sd = new double[k];
        double[] noise = new double[k];
        Quantities[] perProduct = new Quantities[k];
        double[][] units = new double[k][draws];
        for (int a = 0; a < k; a++) {
            ProductDemand d = model.product(products[a]);
            double[] x = model.design(products[a], prices, context);
            mean[a] = DemandModel.dot(d.beta(), x);
            sd[a] = Math.sqrt(DemandModel.quadratic(d.covariance(), x));
            noise[a] = 0.5 * d.sigma2();
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int s = 0; s < draws; s++) {
            for (int a = 0; a < k; a++) {
                units[a][s] = Math.exp(mean[a] + sd[a] * gaussian(random) + noise[a]);
            }
        }
        double[] totalUnits = new double[draws];
        double[] totalRevenue = new double[draws];
        double[] totalProfit = new double[draws];
        double pointUnits = 0;
        double pointRevenue = 0;
        double pointProfit = 0;
        for (int a = 0; a < k; a++) {
            double price = prices[products[a]];
            double margin = costs == null ? 0 : price - costs[a];
            double[] revenue = new double[draws];
            double[] profit = new double[draws];
            for (int s = 0; s < draws; s++) {
                revenue[s] = price * units[a][s];
                profit[s] = margin * units[a][s];
                totalUnits[s] += units[a][s];
                totalRevenue[s] += revenue[s];
                totalProfit[s] += profit[s];
            }
            double point = Math.exp(mean[a] + noise[a]);
            perProduct[a] = new Quantities(interval(point, units[a]), interval(price * point, revenue),
                    interval(margin * point, profit));
            pointUnits += point;
            pointRevenue += price * point;
            pointProfit += margin * point;
        }
        Quantities total = new Quantities(interval(pointUnits, totalUnits), interval(pointRevenue, totalRevenue),
                interval(pointProfit, totalProfit));
        return new Outcome(perProduct, total);
    }

    private static Interval interval(double point, double[] draws) {
        double[] sorted = draws.clone();
        Arrays.sort(sorted);
        return new Interval(point, quantile(sorted, 0.025), quantile(sorted, 0.975));
    }

    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** Box-Muller on a SplittableRandom, whose nextGaussian is not in Java 17. */
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** A point value and its 95 % interval. */
    record Interval(double value, double low, double high) {
    }

    /** Units, revenue and profit (0 without costs) of a product or of the whole set. */
    record Quantities(Interval units, Interval revenue, Interval profit) {
    }

    /** Outcomes per product (positions of the request) and in total. */
    record Outcome(Quantities[] products, Quantities total) {
    }
}
