package io.merx.forecasting.internal;

/**
 * A forecast path with its 80 % and 95 % prediction intervals.
 *
 * @param mean point forecasts, one per step ahead
 * @param lower80 lower bounds of the 80 % interval
 * @param upper80 upper bounds of the 80 % interval
 * @param lower95 lower bounds of the 95 % interval
 * @param upper95 upper bounds of the 95 % interval
 * @param intervals how the intervals were obtained: {@code analytic}, {@code simulated}, {@code residual-quantiles}
 *        or {@code combined}
 */
record Forecast(double[] mean, double[] lower80, double[] upper80, double[] lower95, double[] upper95,
        String intervals) {

    int horizon() {
        return mean.length;
    }

    /** A forecast with symmetric normal intervals from per-step standard deviations. */
    static Forecast normal(double[] mean, double[] sd, String intervals) {
        int h = mean.length;
        double[] l80 = new double[h];
        double[] u80 = new double[h];
        double[] l95 = new double[h];
        double[] u95 = new double[h];
        for (int i = 0; i < h; i++) {
            l80[i] = mean[i] - Stats.Z80 * sd[i];
            u80[i] = mean[i] + Stats.Z80 * sd[i];
            l95[i] = mean[i] - Stats.Z95 * sd[i];
            u95[i] = mean[i] + Stats.Z95 * sd[i];
        }
        return new Forecast(mean, l80, u80, l95, u95, intervals);
    }

    /** This forecast with every value multiplied by a per-step factor (re-seasonalising). */
    Forecast times(double[] factor) {
        return new Forecast(mul(mean, factor), mul(lower80, factor), mul(upper80, factor), mul(lower95, factor),
                mul(upper95, factor), intervals);
    }

    /** This forecast with bounds and means clipped at zero, for series that cannot go negative (demand). */
    Forecast nonNegative() {
        return new Forecast(clip(mean), clip(lower80), clip(upper80), clip(lower95), clip(upper95), intervals);
    }

    /**
     * Replaces any non-finite value so a response never carries NaN: a blown-up path is replaced by the last
     * finite value of the same array (or 0), and bounds are kept ordered around the mean.
     */
    Forecast sanitised() {
        double[] m = finite(mean);
        double[] l80 = finite(lower80);
        double[] u80 = finite(upper80);
        double[] l95 = finite(lower95);
        double[] u95 = finite(upper95);
        for (int i = 0; i < m.length; i++) {
            l80[i] = Math.min(l80[i], m[i]);
            u80[i] = Math.max(u80[i], m[i]);
            l95[i] = Math.min(l95[i], l80[i]);
            u95[i] = Math.max(u95[i], u80[i]);
        }
        return new Forecast(m, l80, u80, l95, u95, intervals);
    }

    private static double[] finite(double[] values) {
        double[] out = values.clone();
        double last = 0;
        for (int i = 0; i < out.length; i++) {
            if (Double.isFinite(out[i])) {
                last = out[i];
            } else {
                out[i] = last;
            }
        }
        return out;
    }

    private static double[] mul(double[] values, double[] factor) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i] * factor[i];
        }
        return out;
    }

    private static double[] clip(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.max(0, values[i]);
        }
        return out;
    }
}
