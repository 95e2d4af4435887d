package io.merx.forecasting.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The Theta method of Assimakopoulos and Nikolopoulos (2000) in Hyndman and Billah's (2003) form, as R's
 * {@code forecast::thetaf}: seasonally adjust by a multiplicative classical decomposition when a 90 % autocorrelation
 * test at lag m says so, then simple exponential smoothing plus half the slope of the linear trend. Intervals are
 * analytic: the SES interval around the Theta path, re-seasonalised.
 */
final class ThetaFit implements FittedSeries {

    private final double level;
    private final double alpha;
    private final double drift;
    private final int n;
    private final double sigma2;
    /** Seasonal indices in the order of forecast steps; empty when not seasonal. */
    private final double[] seasonNext;
    private final String note;

    ThetaFit(double level, double alpha, double drift, int n, double sigma2, double[] seasonNext, String note) {
        this.level = level;
        this.alpha = alpha;
        this.drift = drift;
        this.n = n;
        this.sigma2 = sigma2;
        this.seasonNext = seasonNext.clone();
        this.note = note == null ? "" : note;
    }

    /** Fits Theta; null if the SES step fails. */
    static ThetaFit fit(double[] y, int m) {
        int n = y.length;
        double[] season = new double[0];
        double[] x = y;
        String note = "";
        boolean positive = true;
        for (double v : y) {
            positive &= v > 0;
        }
        if (m > 1 && n >= 2 * m && positive && seasonalByAcf(y, m)) {
            double[] index = Decomposition.seasonalIndices(y, n, m, true);
            x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = y[i] / index[i % m];
            }
            season = new double[m];
            for (int j = 0; j < m; j++) {
                season[j] = index[(n + j) % m];
            }
        } else if (m > 1 && n < 2 * m) {
            note = "series too short for season " + m + "; non-seasonal";
        }
        EtsFit ses = Ets.fit(x, new EtsSpec(false, false, false, 'N', 1));
        if (ses == null) {
            return null;
        }
        double slope = Stats.line(x, n, 0)[1];
        return new ThetaFit(ses.level(), Math.max(1e-10, ses.alpha()), slope / 2, n, ses.sigma2(), season, note);
    }

    /** thetaf's test: |r_m| exceeds 1.645 standard errors (Bartlett) of the autocorrelation at lag m. */
    static boolean seasonalByAcf(double[] y, int m) {
        double[] r = Stats.acf(y, m);
        double sum = 0;
        for (int k = 1; k < m; k++) {
            sum += r[k] * r[k];
        }
        double limit = 1.645 * Math.sqrt((1 + 2 * sum) / y.length);
        return Math.abs(r[m]) > limit;
    }

    @Override
    public String model() {
        String name = seasonNext.length > 0 ? "Theta (seasonally adjusted, m=" + seasonNext.length + ")" : "Theta";
        return note.isEmpty() ? name : name + " (" + note + ")";
    }

    @Override
    public Forecast forecast(int h) {
        double[] mean = new double[h];
        double[] sd = new double[h];
        double correction = (1 - Math.pow(1 - alpha, n)) / alpha;
        for (int i = 0; i < h; i++) {
            mean[i] = level + drift * (i + correction);
            sd[i] = Math.sqrt(sigma2 * (1 + i * alpha * alpha));
        }
        Forecast forecast = Forecast.normal(mean, sd, "analytic");
        if (seasonNext.length == 0) {
            return forecast;
        }
        double[] factor = new double[h];
        for (int i = 0; i < h; i++) {
            factor[i] = seasonNext[i % seasonNext.length];
        }
        return forecast.times(factor);
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeDouble(level);
        out.writeDouble(alpha);
        out.writeDouble(drift);
        out.writeInt(n);
        out.writeDouble(sigma2);
        SeriesCodec.writeArray(out, seasonNext);
        out.writeUTF(note);
    }

    static ThetaFit read(DataInputStream in) throws IOException {
        return new ThetaFit(in.readDouble(), in.readDouble(), in.readDouble(), in.readInt(), in.readDouble(),
                SeriesCodec.readArray(in), in.readUTF());
    }
}
