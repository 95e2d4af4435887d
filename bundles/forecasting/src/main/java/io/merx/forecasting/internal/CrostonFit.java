package io.merx.forecasting.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Croston's method with the Syntetos-Boylan approximation (SBA) for intermittent demand: exponential smoothing
 * (alpha 0.1) of the non-zero demand sizes and of the intervals between them; the forecast rate is
 * (1 - alpha/2) size / interval. The rate is flat over the horizon. Intervals are empirical: quantiles of the
 * in-sample one-step errors added to the rate and clipped at zero (no closed form exists for this method).
 */
final class CrostonFit implements FittedSeries {

    static final double ALPHA = 0.1;

    private final double rate;
    /** Quantiles 0.1, 0.9, 0.025, 0.975 of the in-sample one-step errors. */
    private final double[] errorQuantiles;
    private final String note;

    CrostonFit(double rate, double[] errorQuantiles, String note) {
        this.rate = rate;
        this.errorQuantiles = errorQuantiles.clone();
        this.note = note == null ? "" : note;
    }

    /** Average inter-demand interval (ADI): periods per non-zero demand; infinite when there is none. */
    static double adi(double[] y) {
        int nonZero = 0;
        for (double v : y) {
            nonZero += v != 0 ? 1 : 0;
        }
        return nonZero == 0 ? Double.POSITIVE_INFINITY : (double) y.length / nonZero;
    }

    static CrostonFit fit(double[] y, String note) {
        double size = Double.NaN;
        double interval = Double.NaN;
        int sinceLast = 0;
        double[] errors = new double[y.length];
        int errorCount = 0;
        for (double v : y) {
            sinceLast++;
            if (!Double.isNaN(size)) {
                errors[errorCount++] = v - (1 - ALPHA / 2) * size / interval;
            }
            if (v != 0) {
                if (Double.isNaN(size)) {
                    size = v;
                    interval = sinceLast;
                } else {
                    size += ALPHA * (v - size);
                    interval += ALPHA * (sinceLast - interval);
                }
                sinceLast = 0;
            }
        }
        if (Double.isNaN(size)) {
            return new CrostonFit(0, new double[4], note == null || note.isEmpty() ? "no demand" : note);
        }
        double rate = (1 - ALPHA / 2) * size / interval;
        double[] e = java.util.Arrays.copyOf(errors, errorCount);
        java.util.Arrays.sort(e);
        double[] q = {Stats.sortedQuantile(e, 0.10), Stats.sortedQuantile(e, 0.90), Stats.sortedQuantile(e, 0.025),
            Stats.sortedQuantile(e, 0.975)};
        return new CrostonFit(rate, q, note);
    }

    @Override
    public String model() {
        return note.isEmpty() ? "Croston-SBA" : "Croston-SBA (" + note + ")";
    }

    @Override
    public Forecast forecast(int h) {
        double[] mean = new double[h];
        double[] l80 = new double[h];
        double[] u80 = new double[h];
        double[] l95 = new double[h];
        double[] u95 = new double[h];
        for (int i = 0; i < h; i++) {
            mean[i] = rate;
            l80[i] = Math.max(0, rate + errorQuantiles[0]);
            u80[i] = Math.max(rate, rate + errorQuantiles[1]);
            l95[i] = Math.max(0, rate + errorQuantiles[2]);
            u95[i] = Math.max(rate, rate + errorQuantiles[3]);
        }
        return new Forecast(mean, l80, u80, l95, u95, "residual-quantiles");
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeDouble(rate);
        SeriesCodec.writeArray(out, errorQuantiles);
        out.writeUTF(note);
    }

    static CrostonFit read(DataInputStream in) throws IOException {
        return new CrostonFit(in.readDouble(), SeriesCodec.readArray(in), in.readUTF());
    }
}
