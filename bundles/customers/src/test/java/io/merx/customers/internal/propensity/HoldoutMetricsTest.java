package io.merx.customers.internal.propensity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class HoldoutMetricsTest {

    @Test
    void aucCountsCorrectlyOrderedPairsWithTiesAsHalf() {
        double[] p = {0.1, 0.4, 0.35, 0.8, 0.4};
        boolean[] y = {false, false, true, true, true};
        // positive/negative pairs: (0.35>0.1) (0.35<0.4) (0.8>both) (0.4>0.1) (0.4=0.4 half) -> 4.5 of 6
        assertEquals(4.5 / 6, HoldoutMetrics.auc(p, y), 1e-12);
    }

    @Test
    void brierAndLogLossOfKnownProbabilities() {
        double[] p = {0.8, 0.3};
        boolean[] y = {true, false};
        assertEquals((0.04 + 0.09) / 2, HoldoutMetrics.brier(p, y), 1e-12);
        assertEquals(-(Math.log(0.8) + Math.log(0.7)) / 2, HoldoutMetrics.logLoss(p, y), 1e-12);
    }

    @Test
    void reliabilityBinsHoldCountMeanAndObservedRate() {
        double[][] bins = HoldoutMetrics.reliability(new double[] {0.05, 0.15, 0.12, 0.95, 1.0},
                new boolean[] {false, true, false, true, true});
        assertArrayEquals(new double[] {1, 0.05, 0}, bins[0], 1e-12);
        assertArrayEquals(new double[] {2, 0.135, 0.5}, bins[1], 1e-12);
        assertArrayEquals(new double[] {2, 0.975, 1}, bins[9], 1e-12);
    }

    @Test
    void logisticFitRecoversKnownWeights() {
        Random random = new Random(2);
        int n = 20_000;
        double[][] z = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            z[i][0] = random.nextGaussian();
            z[i][1] = random.nextGaussian();
            y[i] = random.nextDouble() < io.merx.sdk.kind.PlattScaling.sigmoid(1.5 * z[i][0] - 0.7 * z[i][1] + 0.3) ? 1 : 0;
        }
        double[] w = LogisticFit.fit(z, y, 0);
        assertArrayEquals(new double[] {1.5, -0.7, 0.3}, w, 0.08);
    }
}
