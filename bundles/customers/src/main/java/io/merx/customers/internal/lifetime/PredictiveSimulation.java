package io.merx.customers.internal.lifetime;

import java.util.Arrays;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Prediction intervals for one customer's purchases and value in the horizon, by simulating the fitted models
 * from the customer's posterior: alive with P(alive); if alive, {@code lambda ~ Gamma(r + x, alpha + T)} and
 * {@code p ~ Beta(a, b + x)} (the posteriors given survival through x purchases), a Poisson process with drop-out
 * after each purchase, and each purchase's amount {@code ~ Gamma(p, nu)} with {@code nu} from its Gamma-Gamma
 * posterior.
 *
 * <p>Why this and not a bootstrap of the four population parameters: with hundreds of customers or more the
 * parameters are pinned down tightly, and what a user needs to know is how much one customer's own behaviour can
 * differ from its expectation (0 purchases or 5?). The simulated mean converges to the closed form, which the
 * tests check. Parameter uncertainty is left out, so intervals are slightly narrow on very small data sets.
 */
final class PredictiveSimulation {

    /** Simulated purchases one request may cost (about a second): bounds the work a request can ask for. */
    static final double MAX_SIMULATED_PURCHASES = 5e7;

    private final LifetimeValue model;
    private final int draws;

    PredictiveSimulation(LifetimeValue model, int draws) {
        if (draws < 100) {
            throw new IllegalArgumentException("need at least 100 simulation draws, got " + draws);
        }
        this.model = model;
        this.draws = draws;
    }

    /** Simulated purchases (index 0) and values (index 1), one per draw; {@code seed} makes them repeatable. */
    double[][] simulate(RfmSummary c, long seed) {
        return simulate(c, seed, draws);
    }

    private double[][] simulate(RfmSummary c, long seed, int draws) {
        RandomGenerator random = new Well19937c(seed);
        BgNbd bg = model.purchases();
        GammaGamma gg = model.spend();
        double alive = bg.probabilityAlive(c.x(), c.tx(), c.age());
        GammaDistribution lambdas = new GammaDistribution(random, bg.r() + c.x(), 1 / (bg.alpha() + c.age()));
        BetaDistribution dropouts = new BetaDistribution(random, bg.a(), bg.b() + c.x());
        GammaDistribution nus = new GammaDistribution(random, gg.posteriorShape(c.x()),
                1 / gg.posteriorRate(c.x(), c.meanSpend()));
        double[] counts = new double[draws];
        double[] values = new double[draws];
        for (int i = 0; i < draws; i++) {
            if (random.nextDouble() >= alive) {
                continue;
            }
            double lambda = lambdas.sample();
            double dropout = dropouts.sample();
            double nu = nus.sample();
            double s = 0;
            while (true) {
                s += -Math.log(1 - random.nextDouble()) / lambda;
                if (s > model.horizon()) {
                    break;
                }
                counts[i]++;
                values[i] += new GammaDistribution(random, gg.p(), 1 / nu).sample() * model.discountAt(s);
                if (random.nextDouble() < dropout) {
                    break;
                }
            }
        }
        return new double[][] {counts, values};
    }

    CustomerOutlook outlook(RfmSummary c, double level, long seed) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("interval level must be in (0, 1), got " + level);
        }
        double expected = model.purchases().expectedPurchases(model.horizon(), c.x(), c.tx(), c.age());
        // A very frequent buyer over a long horizon gets fewer draws, and a request that would need fewer than
        // 100 is refused rather than left running.
        int affordable = (int) Math.min(draws, MAX_SIMULATED_PURCHASES / Math.max(1, expected));
        if (affordable < 100) {
            throw new IllegalArgumentException("field 'horizon': " + String.format(java.util.Locale.ROOT, "%.0f",
                    expected) + " expected purchases are too many to simulate intervals for; shorten the horizon");
        }
        double[][] sim = simulate(c, seed, affordable);
        double tail = (1 - level) / 2;
        BgNbd bg = model.purchases();
        return new CustomerOutlook(bg.probabilityAlive(c.x(), c.tx(), c.age()), expected, model.expectedSpend(c),
                model.expectedValue(c), level, quantile(sim[0], tail), quantile(sim[0], 1 - tail),
                quantile(sim[1], tail), quantile(sim[1], 1 - tail));
    }

    /** The empirical quantile (lower order statistic, so an integer count stays an integer). */
    static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.floor(q * sorted.length)));
        return sorted[index];
    }
}
