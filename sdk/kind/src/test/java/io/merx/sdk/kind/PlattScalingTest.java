package io.merx.sdk.kind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PlattScalingTest {

    @Test
    void recoversAKnownCalibration() {
        // Labels drawn from p = sigmoid(2 s - 1): the fit lands near a = 2, b = -1.
        SplittableRandom random = new SplittableRandom(1);
        int n = 20_000;
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            s[i] = random.nextDouble(-4, 4);
            y[i] = random.nextDouble() < PlattScaling.sigmoid(2 * s[i] - 1);
        }
        PlattScaling fit = PlattScaling.fit(s, y);
        assertEquals(2, fit.a(), 0.15);
        assertEquals(-1, fit.b(), 0.1);
    }

    /** Logits of a class-weighted model sit far from the true rate; backtracking keeps Newton from diverging. */
    @Test
    void mapsShiftedLogitsBackToTheTrueRate() {
        SplittableRandom random = new SplittableRandom(2);
        int n = 20_000;
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        int positives = 0;
        for (int i = 0; i < n; i++) {
            y[i] = random.nextDouble() < 0.02;
            positives += y[i] ? 1 : 0;
            s[i] = (y[i] ? 9 : 6) + random.nextGaussian();
        }
        PlattScaling fit = PlattScaling.fit(s, y);
        double mean = 0;
        for (double logit : s) {
            mean += fit.probability(logit) / n;
        }
        assertEquals((double) positives / n, mean, 0.005);
        assertTrue(fit.a() > 0);
    }

    @Test
    void refusesParametersThatAreNotFinite() {
        assertThrows(IllegalArgumentException.class, () -> new PlattScaling(Double.NaN, 0));
    }
}
