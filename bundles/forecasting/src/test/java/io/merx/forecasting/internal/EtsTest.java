package io.merx.forecasting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class EtsTest {

    /** Level 100, 3 % trend, multiplicative season of amplitude 20 %, 2 % noise. */
    private static double[] seasonal(int n, long seed) {
        Random random = new Random(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = truth(t) * (1 + 0.02 * random.nextGaussian());
        }
        return y;
    }

    private static double truth(int t) {
        return 100 * (1 + 0.01 * t) * (1 + 0.2 * Math.sin(2 * Math.PI * t / 12));
    }

    @Test
    void selectionFindsTheSeasonAndForecastsClose() {
        double[] y = seasonal(96, 1);
        EtsFit fit = Ets.select(y, 12, "ZZZ", new ArrayList<>());
        assertTrue(fit.spec().seasonal(), fit.model());
        assertTrue(fit.spec().trend(), fit.model());
        Forecast f = fit.forecast(12);
        for (int i = 0; i < 12; i++) {
            double expected = truth(96 + i);
            assertEquals(expected, f.mean()[i], 0.06 * expected, "step " + (i + 1));
            assertTrue(f.lower95()[i] < f.lower80()[i] && f.lower80()[i] < f.mean()[i]
                    && f.mean()[i] < f.upper80()[i] && f.upper80()[i] < f.upper95()[i], "ordered bounds");
        }
    }

    @Test
    void simpleSmoothingIntervalsWidenAsTheoryPredicts() {
        Random random = new Random(3);
        double[] y = new double[200];
        for (int t = 0; t < y.length; t++) {
            y[t] = 50 + random.nextGaussian();
        }
        EtsFit fit = Ets.fit(y, new EtsSpec(false, false, false, 'N', 1));
        Forecast f = fit.forecast(5);
        assertEquals(50, f.mean()[0], 0.5);
        double sd1 = (f.upper95()[0] - f.mean()[0]) / Stats.Z95;
        double sd5 = (f.upper95()[4] - f.mean()[4]) / Stats.Z95;
        double alpha = fit.alpha();
        assertEquals(Math.sqrt(1 + 4 * alpha * alpha), sd5 / sd1, 1e-9);
        assertEquals(1.0, sd1, 0.15, "one-step sd is the noise sd");
    }

    @Test
    void multiplicativeModelsAreRefusedForNonPositiveDataWithANote() {
        double[] y = seasonal(60, 2);
        y[10] = -5;
        List<String> notes = new ArrayList<>();
        EtsFit fit = Ets.select(y, 12, "MNM", notes);
        assertTrue(!fit.spec().multiplicativeError() && fit.spec().season() != 'M', fit.model());
        assertTrue(fit.model().contains("positive"), fit.model());
    }

    @Test
    void shortSeriesDropTheSeasonAndSaySo() {
        double[] y = seasonal(18, 4);
        EtsFit fit = Ets.select(y, 12, "ZZZ", new ArrayList<>());
        assertTrue(!fit.spec().seasonal(), fit.model());
        assertTrue(fit.model().contains("too short for season 12"), fit.model());
    }

    @Test
    void simulatedIntervalsAreReproducible() {
        double[] y = seasonal(72, 5);
        EtsFit fit = Ets.fit(y, new EtsSpec(true, true, true, 'M', 12));
        Forecast a = fit.forecast(18);
        Forecast b = fit.forecast(18);
        assertEquals("simulated", a.intervals());
        for (int i = 0; i < 18; i++) {
            assertEquals(a.upper95()[i], b.upper95()[i], 0.0);
            assertTrue(a.upper95()[i] > a.mean()[i] && a.lower95()[i] < a.mean()[i]);
        }
    }

    @Test
    void nelderMeadFindsTheRosenbrockMinimum() {
        double[] best = NelderMead.minimise(x -> 100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(1 - x[0], 2),
                new double[] {-1.2, 1}, new double[] {0.5, 0.5}, 5_000, 1e-14);
        assertEquals(1, best[0], 1e-3);
        assertEquals(1, best[1], 1e-3);
    }
}
