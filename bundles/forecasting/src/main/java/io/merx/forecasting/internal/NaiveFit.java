package io.merx.forecasting.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Seasonal naive (each step repeats the value one season earlier), or the random walk when m = 1. Intervals are
 * analytic: sigma sqrt(k + 1) with k the number of whole seasons ahead and sigma from the in-sample seasonal
 * differences.
 */
final class NaiveFit implements FittedSeries {

    private final double[] lastSeason;
    private final double sigma;
    private final String note;

    NaiveFit(double[] lastSeason, double sigma, String note) {
        this.lastSeason = lastSeason.clone();
        this.sigma = sigma;
        this.note = note == null ? "" : note;
    }

    static NaiveFit fit(double[] y, int m, String note) {
        int n = y.length;
        int lag = m > 1 && n > m ? m : 1;
        String why = note;
        if (m > 1 && lag == 1) {
            why = join(note, "series too short for season " + m + "; naive");
        }
        double sum = 0;
        int count = 0;
        for (int t = lag; t < n; t++) {
            double d = y[t] - y[t - lag];
            sum += d * d;
            count++;
        }
        double sigma = count > 0 ? Math.sqrt(sum / count) : 0;
        double[] last = new double[lag];
        for (int j = 0; j < lag; j++) {
            last[j] = y[n - lag + j];
        }
        return new NaiveFit(last, sigma, why);
    }

    private static String join(String a, String b) {
        return a == null || a.isEmpty() ? b : a + "; " + b;
    }

    @Override
    public String model() {
        String name = lastSeason.length > 1 ? "seasonal naive (m=" + lastSeason.length + ")" : "naive";
        return note.isEmpty() ? name : name + " (" + note + ")";
    }

    @Override
    public Forecast forecast(int h) {
        int m = lastSeason.length;
        double[] mean = new double[h];
        double[] sd = new double[h];
        for (int i = 0; i < h; i++) {
            mean[i] = lastSeason[i % m];
            sd[i] = sigma * Math.sqrt(i / m + 1);
        }
        return Forecast.normal(mean, sd, "analytic");
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        SeriesCodec.writeArray(out, lastSeason);
        out.writeDouble(sigma);
        out.writeUTF(note);
    }

    static NaiveFit read(DataInputStream in) throws IOException {
        return new NaiveFit(SeriesCodec.readArray(in), in.readDouble(), in.readUTF());
    }
}
