package io.merx.forecasting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NelderMeadTest {

    @Test
    void findsTheRosenbrockValleyMinimum() {
        double[] best = NelderMead.minimise(x -> 100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(1 - x[0], 2),
                new double[] {-1.2, 1}, new double[] {0.1, 0.1}, 5_000, 1e-14);
        assertEquals(1, best[0], 1e-4);
        assertEquals(1, best[1], 1e-4);
    }

    @Test
    void staysInsideABoxGivenAsAnInfiniteObjective() {
        // Unconstrained minimum at (2, -3); the box x <= 1 leaves (1, -3).
        double[] best = NelderMead.minimise(x -> x[0] > 1 ? Double.POSITIVE_INFINITY
                : Math.pow(x[0] - 2, 2) + Math.pow(x[1] + 3, 2), new double[] {0, 0}, new double[] {0.5, 0.5}, 2_000,
                1e-14);
        assertEquals(1, best[0], 1e-4);
        assertEquals(-3, best[1], 1e-4);
    }
}
