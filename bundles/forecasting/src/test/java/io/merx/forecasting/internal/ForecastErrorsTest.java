package io.merx.forecasting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The measures the back-test reports and the benchmark compares methods with. */
class ForecastErrorsTest {

    @Test
    void masesScaleFallsBackToLagOneWhenTheSeriesIsShorterThanASeason() {
        // Five months cannot hold a yearly seasonal naive step: the scale is the mean absolute monthly change.
        assertEquals(2.0, ForecastErrors.naiveScale(new double[] {10, 12, 10, 12, 10}, 12), 1e-12);
    }

    @Test
    void masesScaleUsesTheSeasonalLagWhenTheSeriesHoldsMoreThanASeason() {
        assertEquals(1.0, ForecastErrors.naiveScale(new double[] {1, 5, 2, 6, 3}, 2), 1e-12);
    }

    @Test
    void smapeIsInPercentAndCountsTwoZerosAsPerfect() {
        // Step 1: 0 (both zero); step 2: 200 * |1 - 3| / (1 + 3) = 100; mean 50.
        assertEquals(50.0, ForecastErrors.smape(new double[] {0, 1}, new double[] {0, 3}), 1e-12);
        assertEquals(1.5, ForecastErrors.mae(new double[] {0, 1}, new double[] {1, 3}), 1e-12);
    }
}
