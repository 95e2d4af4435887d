package io.merx.forecasting.internal;

/**
 * The accuracy measures of the back-test (sMAPE, MAE, the MASE scale). Public, though in a package the bundle never
 * exports, so that the forecasting benchmark, which runs on a plain class path, scores forecasts with exactly these
 * definitions instead of a copy that can drift.
 */
public final class ForecastErrors {

    private ForecastErrors() {
    }

    /** Symmetric MAPE in percent, as in the M3 competition; a step where actual and forecast are both 0 adds 0. */
    public static double smape(double[] actual, double[] forecast) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            double denominator = Math.abs(actual[i]) + Math.abs(forecast[i]);
            sum += denominator > 0 ? 200 * Math.abs(actual[i] - forecast[i]) / denominator : 0;
        }
        return sum / actual.length;
    }

    /** Mean absolute error. */
    public static double mae(double[] actual, double[] forecast) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            sum += Math.abs(actual[i] - forecast[i]);
        }
        return sum / actual.length;
    }

    /** Mean absolute in-sample error of the seasonal naive forecast (lag m, or 1 when the series is too short). */
    public static double naiveScale(double[] train, int m) {
        int lag = m > 1 && train.length > m ? m : 1;
        double sum = 0;
        for (int t = lag; t < train.length; t++) {
            sum += Math.abs(train[t] - train[t - lag]);
        }
        return train.length > lag ? sum / (train.length - lag) : 0;
    }
}
