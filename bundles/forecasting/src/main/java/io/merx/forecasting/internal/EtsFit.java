package io.merx.forecasting.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;

/**
 * A fitted ETS model: smoothing parameters, the state after the last observation and the error variance. Point
 * forecasts follow the state-space recursion; intervals are analytic for the additive class (Hyndman et al.
 * 2008, table 6.1) and simulated from 2,000 sample paths with a fixed seed otherwise, so they are reproducible.
 */
final class EtsFit implements FittedSeries {

    static final int PATHS = 2_000;
    private static final long SIMULATION_SEED = 20_260_523L;

    private final EtsSpec spec;
    private final double alpha;
    private final double beta;
    private final double gamma;
    private final double phi;
    private final double sigma2;
    private final double level;
    private final double slope;
    /** Seasonal states in the order they are next used: seasonNext[0] applies to the first forecast step. */
    private final double[] seasonNext;
    private final double aicc;
    private final String note;

    EtsFit(EtsSpec spec, double alpha, double beta, double gamma, double phi, double sigma2, double level,
            double slope, double[] seasonNext, double aicc, String note) {
        this.spec = spec;
        this.alpha = alpha;
        this.beta = beta;
        this.gamma = gamma;
        this.phi = phi;
        this.sigma2 = sigma2;
        this.level = level;
        this.slope = slope;
        this.seasonNext = seasonNext.clone();
        this.aicc = aicc;
        this.note = note == null ? "" : note;
    }

    EtsSpec spec() {
        return spec;
    }

    double aicc() {
        return aicc;
    }

    double alpha() {
        return alpha;
    }

    double sigma2() {
        return sigma2;
    }

    double level() {
        return level;
    }

    EtsFit withNote(String extra) {
        return new EtsFit(spec, alpha, beta, gamma, phi, sigma2, level, slope, seasonNext, aicc,
                note.isEmpty() ? extra : note + "; " + extra);
    }

    @Override
    public String model() {
        return note.isEmpty() ? spec.name() : spec.name() + " (" + note + ")";
    }

    @Override
    public Forecast forecast(int h) {
        double[] mean = new double[h];
        double damp = 0;
        double power = 1;
        for (int i = 0; i < h; i++) {
            power *= spec.damped() ? phi : 1;
            damp += spec.trend() ? power : 0;
            double trendPart = level + damp * slope;
            mean[i] = switch (spec.season()) {
                case 'A' -> trendPart + seasonNext[i % spec.m()];
                case 'M' -> trendPart * seasonNext[i % spec.m()];
                default -> trendPart;
            };
        }
        if (spec.analyticIntervals()) {
            return Forecast.normal(mean, analyticSd(h), "analytic");
        }
        return simulate(mean, h);
    }

    /** v_h = sigma^2 (1 + sum_{j<h} c_j^2), c_j = alpha + beta phi_j + gamma [j mod m = 0]. */
    private double[] analyticSd(int h) {
        double[] sd = new double[h];
        double sum = 0;
        double damp = 0;
        double power = 1;
        for (int i = 0; i < h; i++) {
            sd[i] = Math.sqrt(sigma2 * (1 + sum));
            int j = i + 1;
            power *= spec.damped() ? phi : 1;
            damp += power;
            double c = alpha + (spec.trend() ? beta * damp : 0)
                    + (spec.seasonal() && j % spec.m() == 0 ? gamma : 0);
            sum += c * c;
        }
        return sd;
    }

    private Forecast simulate(double[] mean, int h) {
        SplittableRandom random = new SplittableRandom(SIMULATION_SEED);
        double sigma = Math.sqrt(sigma2);
        double[][] paths = new double[h][PATHS];
        int m = spec.seasonal() ? spec.m() : 1;
        double[] season = new double[m];
        double[] state = new double[2];
        for (int p = 0; p < PATHS; p++) {
            state[0] = level;
            state[1] = slope;
            if (spec.seasonal()) {
                System.arraycopy(seasonNext, 0, season, 0, m);
            }
            for (int i = 0; i < h; i++) {
                double e = sigma * gaussian(random);
                paths[i][p] = step(spec, alpha, beta, gamma, phi, state, season, i % m, Double.NaN, e);
            }
        }
        double[] l80 = new double[h];
        double[] u80 = new double[h];
        double[] l95 = new double[h];
        double[] u95 = new double[h];
        for (int i = 0; i < h; i++) {
            double[] q = Stats.quantiles(paths[i], 0.10, 0.90, 0.025, 0.975);
            l80[i] = q[0];
            u80[i] = q[1];
            l95[i] = q[2];
            u95[i] = q[3];
        }
        return new Forecast(mean, l80, u80, l95, u95, "simulated");
    }

    /** Box-Muller, so the stream depends on nothing but the seed. */
    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    /**
     * One step of the recursion. With {@code y} given, the error is computed from it (filtering); with {@code y}
     * NaN the given error drives the step (simulation). Updates {@code state} = {level, slope} and the seasonal
     * state at {@code seasonIndex}; returns the observation (simulation) or the one-step mean (filtering).
     */
    static double step(EtsSpec spec, double alpha, double beta, double gamma, double phi, double[] state,
            double[] season, int seasonIndex, double y, double error) {
        double l = state[0];
        double b = state[1];
        double phiB = spec.trend() ? (spec.damped() ? phi : 1) * b : 0;
        double lb = l + phiB;
        double s = spec.seasonal() ? season[seasonIndex] : 0;
        double mu = switch (spec.season()) {
            case 'A' -> lb + s;
            case 'M' -> lb * s;
            default -> lb;
        };
        double e;
        double observed;
        if (Double.isNaN(y)) {
            e = error;
            observed = spec.multiplicativeError() ? mu * (1 + e) : mu + e;
        } else {
            e = spec.multiplicativeError() ? (y - mu) / mu : y - mu;
            observed = mu;
        }
        if (spec.multiplicativeError()) {
            switch (spec.season()) {
                case 'A' -> {
                    state[0] = lb + alpha * mu * e;
                    state[1] = phiB + beta * mu * e;
                    season[seasonIndex] = s + gamma * mu * e;
                }
                case 'M' -> {
                    state[0] = lb * (1 + alpha * e);
                    state[1] = phiB + beta * lb * e;
                    season[seasonIndex] = s * (1 + gamma * e);
                }
                default -> {
                    state[0] = lb * (1 + alpha * e);
                    state[1] = phiB + beta * lb * e;
                }
            }
        } else {
            switch (spec.season()) {
                case 'A' -> {
                    state[0] = lb + alpha * e;
                    state[1] = phiB + beta * e;
                    season[seasonIndex] = s + gamma * e;
                }
                case 'M' -> {
                    state[0] = lb + alpha * e / s;
                    state[1] = phiB + beta * e / s;
                    season[seasonIndex] = s + gamma * e / lb;
                }
                default -> {
                    state[0] = lb + alpha * e;
                    state[1] = phiB + beta * e;
                }
            }
        }
        return observed;
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeBoolean(spec.multiplicativeError());
        out.writeBoolean(spec.trend());
        out.writeBoolean(spec.damped());
        out.writeChar(spec.season());
        out.writeInt(spec.m());
        for (double v : new double[] {alpha, beta, gamma, phi, sigma2, level, slope, aicc}) {
            out.writeDouble(v);
        }
        SeriesCodec.writeArray(out, seasonNext);
        out.writeUTF(note);
    }

    static EtsFit read(DataInputStream in) throws IOException {
        EtsSpec spec = new EtsSpec(in.readBoolean(), in.readBoolean(), in.readBoolean(), in.readChar(), in.readInt());
        double[] v = new double[8];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readDouble();
        }
        double[] season = SeriesCodec.readArray(in);
        return new EtsFit(spec, v[0], v[1], v[2], v[3], v[4], v[5], v[6], season, v[7], in.readUTF());
    }
}
