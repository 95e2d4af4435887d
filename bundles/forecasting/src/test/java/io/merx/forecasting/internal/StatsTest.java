package io.merx.forecasting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class StatsTest {

    private static final double[] PROBABILITIES = {0.10, 0.90, 0.025, 0.975, 0, 1, 0.5};

    @Test
    void quantilesBySelectionEqualThoseOfTheSortedValues() {
        Random random = new Random(8);
        for (int trial = 0; trial < 300; trial++) {
            int n = trial < 40 ? trial : 1 + random.nextInt(3_000);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                // Ties, signed zeros and non-finite values too: the order must be Arrays.sort's.
                values[i] = switch (random.nextInt(12)) {
                    case 0 -> Math.floor(random.nextGaussian() * 3);
                    case 1 -> random.nextBoolean() ? 0.0 : -0.0;
                    case 2 -> trial % 5 == 0 ? Double.NaN : Double.POSITIVE_INFINITY;
                    default -> random.nextGaussian() * 100;
                };
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            double[] selected = Stats.quantiles(values, PROBABILITIES);
            for (int k = 0; k < PROBABILITIES.length; k++) {
                double expected = n == 0 ? 0 : Stats.sortedQuantile(sorted, PROBABILITIES[k]);
                assertEquals(expected, selected[k], 0, "n=" + n + " p=" + PROBABILITIES[k]);
            }
        }
    }
}
