package io.merx.forecasting.internal;

/**
 * Classical seasonal decomposition (centred moving average, then the average detrended value per season
 * position), as R's {@code decompose}. Used for ETS initial seasonal states and Theta's seasonal adjustment.
 */
final class Decomposition {

    private Decomposition() {
    }

    /**
     * Seasonal indices of the first {@code count} values of {@code y}, by position {@code t % m}, normalised to
     * mean 1 (multiplicative) or mean 0 (additive). Needs {@code count >= 2m}.
     */
    static double[] seasonalIndices(double[] y, int count, int m, boolean multiplicative) {
        double[] sum = new double[m];
        int[] hits = new int[m];
        int half = m / 2;
        for (int t = half; t + half < count; t++) {
            double trend;
            if (m % 2 == 0) {
                double s = 0.5 * y[t - half] + 0.5 * y[t + half];
                for (int k = t - half + 1; k < t + half; k++) {
                    s += y[k];
                }
                trend = s / m;
            } else {
                double s = 0;
                for (int k = t - half; k <= t + half; k++) {
                    s += y[k];
                }
                trend = s / m;
            }
            double detrended = multiplicative ? (trend != 0 ? y[t] / trend : 1) : y[t] - trend;
            sum[t % m] += detrended;
            hits[t % m]++;
        }
        double[] index = new double[m];
        double total = 0;
        for (int j = 0; j < m; j++) {
            index[j] = hits[j] > 0 ? sum[j] / hits[j] : multiplicative ? 1 : 0;
            total += index[j];
        }
        double centre = total / m;
        for (int j = 0; j < m; j++) {
            index[j] = multiplicative ? (centre != 0 ? index[j] / centre : 1) : index[j] - centre;
        }
        return index;
    }
}
