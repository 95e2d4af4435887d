package io.merx.pricing.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The estimator recovers the simulator's true elasticities: 95 % intervals cover the truth for about 95 % of
 * products (coverage across many products, not one lucky draw), and shrinkage beats per-product least squares
 * on thin products.
 */
class ElasticityRecoveryTest {

    @Test
    void intervalsCoverTheTrueElasticitiesAcrossProducts() throws Exception {
        MarketSimulator market = MarketSimulator.create(40, 4, 104, 11);
        DemandModel pooled = Fixtures.demand(market.history(), Map.of("holdout", 0));
        DemandModel plain = Fixtures.demand(market.history(), Map.of("holdout", 0, "shrinkage", "none"));
        Recovery own = new Recovery();
        Recovery cross = new Recovery();
        double thinPooledError = 0;
        double thinPlainError = 0;
        int thin = 0;
        for (MarketSimulator.Truth truth : market.truth()) {
            int i = pooled.indexOf(truth.product(), "product");
            ProductDemand d = pooled.product(i);
            own.add(truth.ownElasticity(), d.beta()[ProductDemand.OWN], d.standardError(ProductDemand.OWN));
            for (int k = 0; k < d.partners().length; k++) {
                String partner = pooled.product(d.partners()[k]).name();
                cross.add(truth.crossElasticities().get(partner), d.beta()[ProductDemand.FIRST_CROSS + k],
                        d.standardError(ProductDemand.FIRST_CROSS + k));
            }
            if (truth.periods() < 20) {
                ProductDemand p = plain.product(i);
                thinPooledError += Math.abs(d.beta()[ProductDemand.OWN] - truth.ownElasticity());
                thinPlainError += p.estimable() ? Math.abs(p.beta()[ProductDemand.OWN] - truth.ownElasticity()) : 5;
                thin++;
            }
        }
        System.out.printf("own: %s; cross: %s; thin %d: pooled MAE %.3f, OLS MAE %.3f%n", own, cross, thin,
                thinPooledError / thin, thinPlainError / thin);
        assertTrue(own.coverage() >= 0.88 && own.coverage() <= 0.995, "own coverage " + own);
        assertTrue(cross.coverage() >= 0.88 && cross.coverage() <= 0.995, "cross coverage " + cross);
        assertTrue(own.meanAbsoluteError() < 0.2, "own " + own);
        assertTrue(thin > 10 && thinPooledError < 0.7 * thinPlainError,
                "shrinkage must help thin products: " + thinPooledError / thin + " vs " + thinPlainError / thin);
    }

    /** Coverage and error of estimates against the truth. */
    static final class Recovery {
        int n;
        int covered;
        double absoluteError;
        double width;

        void add(double truth, double estimate, double se) {
            n++;
            covered += Math.abs(estimate - truth) <= ElasticityResponse.Z95 * se ? 1 : 0;
            absoluteError += Math.abs(estimate - truth);
            width += 2 * ElasticityResponse.Z95 * se;
        }

        double coverage() {
            return (double) covered / n;
        }

        double meanAbsoluteError() {
            return absoluteError / n;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "n=%d coverage=%.3f MAE=%.3f mean width=%.3f", n, coverage(),
                    meanAbsoluteError(), width / n);
        }
    }
}
