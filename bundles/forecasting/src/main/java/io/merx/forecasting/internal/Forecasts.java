package io.merx.forecasting.internal;

/** The last step of every forecast a user sees: finite values, and no negative demand for non-negative series. */
final class Forecasts {

    private Forecasts() {
    }

    static Forecast finish(FittedSeries fit, double[] history, int h) {
        Forecast forecast = fit.forecast(h).sanitised();
        boolean nonNegative = true;
        for (double v : history) {
            nonNegative &= v >= 0;
        }
        return nonNegative ? forecast.nonNegative() : forecast;
    }
}
