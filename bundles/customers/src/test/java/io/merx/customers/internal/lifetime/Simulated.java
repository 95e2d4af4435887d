package io.merx.customers.internal.lifetime;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Customers drawn from known BG/NBD and Gamma-Gamma parameters, straight from the models' generative story
 * (independent of the likelihood and the posterior code under test).
 */
final class Simulated {

    /** One simulated customer: purchase times after the first (time 0), and the amount of each. */
    record Customer(double[] times, double[] amounts, double age) {

        RfmSummary summary(double end) {
            int x = 0;
            double tx = 0;
            double spend = 0;
            for (int i = 0; i < times.length && times[i] <= end; i++) {
                x++;
                tx = times[i];
                spend += amounts[i];
            }
            return new RfmSummary(x, tx, Math.min(age, end), x == 0 ? 0 : spend / x);
        }

        int purchasesBetween(double from, double to) {
            int n = 0;
            for (double t : times) {
                if (t > from && t <= to) {
                    n++;
                }
            }
            return n;
        }
    }

    private Simulated() {
    }

    /** {@code n} customers each observed for {@code age} units (plus {@code extra} beyond, for a hold-out). */
    static List<Customer> customers(BgNbd bg, GammaGamma gg, int n, double minAge, double maxAge, double extra,
            long seed) {
        RandomGenerator random = new Well19937c(seed);
        GammaDistribution lambdas = new GammaDistribution(random, bg.r(), 1 / bg.alpha());
        BetaDistribution dropouts = new BetaDistribution(random, bg.a(), bg.b());
        GammaDistribution nus = new GammaDistribution(random, gg.q(), 1 / gg.gamma());
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double age = minAge + (maxAge - minAge) * random.nextDouble();
            double lambda = lambdas.sample();
            double p = dropouts.sample();
            double nu = nus.sample();
            List<Double> times = new ArrayList<>();
            List<Double> amounts = new ArrayList<>();
            double s = 0;
            while (true) {
                s += -Math.log(1 - random.nextDouble()) / lambda;
                if (s > age + extra) {
                    break;
                }
                times.add(s);
                amounts.add(new GammaDistribution(random, gg.p(), 1 / nu).sample());
                if (random.nextDouble() < p) {
                    break;
                }
            }
            customers.add(new Customer(times.stream().mapToDouble(Double::doubleValue).toArray(),
                    amounts.stream().mapToDouble(Double::doubleValue).toArray(), age));
        }
        return customers;
    }
}
