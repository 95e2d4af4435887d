package io.merx.forecasting.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Fits ETS models by maximum likelihood and picks one by AICc, after Hyndman et al. (2002, 2008) and R's
 * {@code forecast::ets}: heuristic initial states from a classical decomposition of the first three seasons, then
 * Nelder-Mead over the smoothing parameters and the initial states within the usual parameter region
 * (0 < beta < alpha, gamma < 1 - alpha, 0.8 <= phi <= 0.98); seasonal shapes are searched in two stages
 * ({@link #seasonalSearch}). The series is divided by its mean absolute value
 * before fitting so one set of simplex steps suits every scale; states are scaled back afterwards.
 */
final class Ets {

    /** R's ets refuses seasonal models beyond this period; weekly data (52) is fitted without season. */
    static final int MAX_SEASON = 24;
    private static final double LOWER = 1e-4;
    private static final double UPPER = 0.9999;
    private static final double PHI_LOW = 0.8;
    private static final double PHI_HIGH = 0.98;

    private Ets() {
    }

    /**
     * Fits every candidate the code allows and returns the one with the smallest AICc.
     *
     * @param code four-part model code as in R, e.g. {@code ZZZ}, {@code MAM}, {@code AAdN}; Z means "choose"
     * @param notes receives explanations of fallbacks (season dropped, multiplicative error refused)
     */
    static EtsFit select(double[] y, int m, String code, List<String> notes) {
        ModelCode parsed = ModelCode.parse(code);
        boolean positive = true;
        for (double v : y) {
            positive &= v > 0;
        }
        List<Character> errors = options(parsed.error, "AM");
        List<String> trends = parsed.trend.equals("Z") ? List.of("N", "A", "Ad") : List.of(parsed.trend);
        List<Character> seasons = options(parsed.season, "NAM");
        if (!positive && (errors.contains('M') || seasons.contains('M'))) {
            if (parsed.error == 'M' || parsed.season == 'M') {
                notes.add("multiplicative components need positive data; used additive ones");
            }
            errors = List.of('A');
            seasons = seasons.stream().map(s -> s == 'M' ? 'A' : s).distinct().toList();
        }
        boolean seasonAllowed = m > 1 && m <= MAX_SEASON && y.length >= 2 * m + 2;
        if (seasons.stream().anyMatch(s -> s != 'N') && !seasonAllowed) {
            if (m > MAX_SEASON) {
                notes.add("season " + m + " is too long for ETS; non-seasonal");
            } else if (m > 1) {
                notes.add("series too short for season " + m + " (n=" + y.length + "); non-seasonal");
            }
            seasons = List.of('N');
        }
        EtsFit best = null;
        for (char error : errors) {
            for (String trend : trends) {
                for (char season : seasons) {
                    boolean restricted = error == 'A' && season == 'M' && parsed.season != 'M';
                    if (restricted) {
                        continue; // unstable combination R's ets also excludes unless asked for
                    }
                    EtsSpec spec = new EtsSpec(error == 'M', !trend.equals("N"), trend.equals("Ad"), season,
                            season == 'N' ? 1 : m);
                    if (y.length <= spec.parameterCount() + 1) {
                        continue;
                    }
                    EtsFit fit = fit(y, spec);
                    if (fit != null && (best == null || fit.aicc() < best.aicc())) {
                        best = fit;
                    }
                }
            }
        }
        if (best == null) {
            // Too short for anything else: simple exponential smoothing still has 3 parameters.
            EtsFit ses = fit(y, new EtsSpec(false, false, false, 'N', 1));
            if (ses == null) {
                return null;
            }
            notes.add("series too short for model selection; simple exponential smoothing");
            best = ses;
        }
        return notes.isEmpty() ? best : best.withNote(String.join("; ", notes));
    }

    private static List<Character> options(char wanted, String all) {
        List<Character> result = new ArrayList<>();
        for (char c : all.toCharArray()) {
            if (wanted == 'Z' || wanted == c) {
                result.add(c);
            }
        }
        return result;
    }

    /** Fits one ETS shape; null when no admissible parameters were found. */
    static EtsFit fit(double[] raw, EtsSpec spec) {
        int n = raw.length;
        double scale = 0;
        for (double v : raw) {
            scale += Math.abs(v);
        }
        scale = scale > 0 ? scale / n : 1;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = raw[i] / scale;
        }
        int m = spec.m();
        double[] season = new double[m];
        double[] adjusted = y;
        if (spec.seasonal()) {
            boolean mult = spec.season() == 'M';
            season = Decomposition.seasonalIndices(y, Math.min(n, 3 * m), m, mult);
            adjusted = new double[n];
            for (int i = 0; i < n; i++) {
                adjusted[i] = mult ? Math.max(y[i] / season[i % m], 1e-2) : y[i] - season[i % m];
            }
        }
        int count = Math.min(Math.max(10, 2 * m), n);
        double l0;
        double b0 = 0;
        if (spec.trend()) {
            double[] line = Stats.line(adjusted, count, 1);
            l0 = line[0];
            b0 = line[1];
        } else {
            l0 = Stats.mean(adjusted, 0, count);
        }
        if (spec.multiplicativeError() && l0 <= 0) {
            l0 = Math.max(1e-3, Stats.mean(adjusted, 0, count));
        }

        int smoothing = spec.smoothingCount();
        int free = spec.initialStateCount();
        double[] start = new double[smoothing + free];
        double[] steps = new double[start.length];
        double alpha0 = LOWER + 0.2 * (UPPER - LOWER) / m;
        int k = 0;
        start[k] = alpha0;
        steps[k++] = 0.1;
        if (spec.trend()) {
            start[k] = LOWER + 0.1 * (alpha0 - LOWER);
            steps[k++] = 0.01;
        }
        if (spec.seasonal()) {
            start[k] = LOWER + 0.05 * (UPPER - alpha0 - LOWER);
            steps[k++] = 0.05;
        }
        if (spec.damped()) {
            start[k] = PHI_LOW + 0.99 * (PHI_HIGH - PHI_LOW);
            steps[k++] = -0.05;
        }
        start[k] = l0;
        steps[k++] = 0.1 * Math.max(Math.abs(l0), 0.1);
        if (spec.trend()) {
            start[k] = b0;
            steps[k++] = 0.1 * Math.max(Math.abs(b0), 0.01);
        }
        for (int j = 0; j < m - 1 && spec.seasonal(); j++) {
            start[k] = season[j];
            steps[k++] = spec.season() == 'M' ? 0.05 : 0.05 * Math.max(Math.abs(l0), 0.1);
        }
        Objective objective = new Objective(spec, y);
        double[] best = spec.seasonal()
                ? seasonalSearch(objective, start, steps, smoothing + 1 + (spec.trend() ? 1 : 0))
                : fullSearch(objective, start, steps);
        double lik = objective.value(best);
        if (!Double.isFinite(lik)) {
            return null;
        }
        Unpacked p = objective.unpack(best);
        double[] state = {p.l0, p.b0};
        double[] seasonal = p.season.clone();
        double sse = 0;
        for (int t = 0; t < n; t++) {
            double mu = EtsFit.step(spec, p.alpha, p.beta, p.gamma, p.phi, state, seasonal, t % m, y[t], 0);
            double e = spec.multiplicativeError() ? (y[t] - mu) / mu : y[t] - mu;
            sse += e * e;
        }
        int np = spec.parameterCount();
        double aic = lik + 2 * np + 2 * n * Math.log(scale);
        double aicc = n - np - 1 > 0 ? aic + 2.0 * np * (np + 1) / (n - np - 1) : Double.POSITIVE_INFINITY;
        double sigma2 = sse / Math.max(1, n - np);
        if (!spec.multiplicativeError()) {
            sigma2 *= scale * scale;
        }
        double[] next = new double[m];
        for (int j = 0; j < m; j++) {
            double s = seasonal[(n + j) % m];
            next[j] = spec.season() == 'A' ? s * scale : s;
        }
        if (!spec.seasonal()) {
            next = new double[] {spec.season() == 'M' ? 1 : 0};
        }
        return new EtsFit(spec, p.alpha, p.beta, p.gamma, p.phi, sigma2, state[0] * scale, state[1] * scale, next,
                aicc, null);
    }

    /** Nelder-Mead over every parameter, then one restart from the optimum. */
    private static double[] fullSearch(Objective objective, double[] start, double[] steps) {
        int budget = 200 * start.length + 400;
        double[] best = NelderMead.minimise(objective::value, start, steps, budget, 1e-8);
        // The restart escapes the simplex collapsing on a ridge, as optim() users commonly do.
        return NelderMead.minimise(objective::value, best, shrink(steps, 0.5), budget, 1e-10);
    }

    /**
     * Seasonal shapes have 14-17 parameters, most of them initial seasonal states, and a simplex over all of them
     * spent thousands of evaluations per shape (94 % of an M3 run, issue 21). So: first the smoothing parameters,
     * level and slope with the seasonal states held at their decomposition estimates (Hyndman et al. 2008, sec.
     * 2.6.1), with one restart; then every parameter together from there, on a short budget of 25 evaluations per
     * parameter. On M3 monthly this took 4.4x fewer evaluations than the full search and gave a lower sMAPE
     * (docs/benchmarks/forecasting.md).
     */
    private static double[] seasonalSearch(Objective objective, double[] start, double[] steps, int leading) {
        double[] full = start.clone();
        ToDoubleFunction<double[]> leadingOnly = z -> {
            System.arraycopy(z, 0, full, 0, leading);
            return objective.value(full);
        };
        double[] z = Arrays.copyOf(start, leading);
        double[] zSteps = Arrays.copyOf(steps, leading);
        int budget = 200 * leading + 400;
        z = NelderMead.minimise(leadingOnly, z, zSteps, budget, 1e-8);
        z = NelderMead.minimise(leadingOnly, z, shrink(zSteps, 0.5), budget, 1e-8);
        double[] x = start.clone();
        System.arraycopy(z, 0, x, 0, leading);
        return NelderMead.minimise(objective::value, x, shrink(steps, 0.5), 25 * start.length, 1e-8);
    }

    private static double[] shrink(double[] steps, double factor) {
        double[] out = new double[steps.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = steps[i] * factor;
        }
        return out;
    }

    private record Unpacked(double alpha, double beta, double gamma, double phi, double l0, double b0,
            double[] season) {
    }

    /**
     * The concentrated likelihood criterion n log(SSE) (+ 2 sum log|mu| for multiplicative error). Called a few
     * thousand times per candidate model, so it reads the parameters in place and allocates nothing; the
     * recursion is {@link EtsFit#step} written out with the shape's flags in locals.
     */
    private static final class Objective {
        private final double[] y;
        private final double[] season;
        private final boolean trend;
        private final boolean damped;
        private final boolean seasonal;
        private final boolean multiplicativeError;
        private final char seasonType;
        private final int m;

        Objective(EtsSpec spec, double[] y) {
            this.y = y;
            this.season = new double[spec.m()];
            this.trend = spec.trend();
            this.damped = spec.damped();
            this.seasonal = spec.seasonal();
            this.multiplicativeError = spec.multiplicativeError();
            this.seasonType = spec.season();
            this.m = spec.m();
        }

        Unpacked unpack(double[] x) {
            int k = 0;
            double alpha = x[k++];
            double beta = trend ? x[k++] : 0;
            double gamma = seasonal ? x[k++] : 0;
            double phi = damped ? x[k++] : 1;
            double l0 = x[k++];
            double b0 = trend ? x[k++] : 0;
            double[] s = new double[m];
            unpackSeason(x, k, s);
            return new Unpacked(alpha, beta, gamma, phi, l0, b0, s);
        }

        /** The m-1 free seasonal states from x[k...] and the last one from the normalisation. */
        private void unpackSeason(double[] x, int k, double[] s) {
            if (seasonal) {
                double sum = 0;
                for (int j = 0; j < m - 1; j++) {
                    s[j] = x[k + j];
                    sum += s[j];
                }
                s[m - 1] = seasonType == 'M' ? m - sum : -sum;
            }
        }

        double value(double[] x) {
            int k = 0;
            double alpha = x[k++];
            double beta = trend ? x[k++] : 0;
            double gamma = seasonal ? x[k++] : 0;
            double phi = damped ? x[k++] : 1;
            double l = x[k++];
            double b = trend ? x[k++] : 0;
            if (alpha < LOWER || alpha > UPPER) {
                return Double.POSITIVE_INFINITY;
            }
            if (trend && (beta < LOWER || beta > alpha)) {
                return Double.POSITIVE_INFINITY;
            }
            if (seasonal && (gamma < LOWER || gamma > 1 - alpha)) {
                return Double.POSITIVE_INFINITY;
            }
            if (damped && (phi < PHI_LOW || phi > PHI_HIGH)) {
                return Double.POSITIVE_INFINITY;
            }
            unpackSeason(x, k, season);
            boolean multSeason = seasonType == 'M';
            if (multSeason) {
                for (double s : season) {
                    if (s <= 1e-3) {
                        return Double.POSITIVE_INFINITY;
                    }
                }
            }
            double trendFactor = trend ? (damped ? phi : 1) : 0;
            double sse = 0;
            // The product of the one-step means, folded into a log only when it nears the double range: one
            // Math.log per stretch of the series instead of one per observation.
            double logSum = 0;
            double muProduct = 1;
            int j = 0;
            for (int t = 0; t < y.length; t++) {
                double phiB = trendFactor * b;
                double lb = l + phiB;
                double s = seasonal ? season[j] : 0;
                double mu = seasonType == 'A' ? lb + s : multSeason ? lb * s : lb;
                double yt = y[t];
                if (multiplicativeError) {
                    if (!(mu > 1e-8)) {
                        return Double.POSITIVE_INFINITY;
                    }
                    double e = (yt - mu) / mu;
                    sse += e * e;
                    muProduct *= mu;
                    if (muProduct > 1e150 || muProduct < 1e-150) {
                        logSum += Math.log(muProduct);
                        muProduct = 1;
                    }
                    if (seasonType == 'A') {
                        l = lb + alpha * mu * e;
                        b = phiB + beta * mu * e;
                        season[j] = s + gamma * mu * e;
                    } else {
                        l = lb * (1 + alpha * e);
                        b = phiB + beta * lb * e;
                        if (multSeason) {
                            season[j] = s * (1 + gamma * e);
                        }
                    }
                } else {
                    double e = yt - mu;
                    sse += e * e;
                    if (multSeason) {
                        l = lb + alpha * e / s;
                        b = phiB + beta * e / s;
                        season[j] = s + gamma * e / lb;
                    } else {
                        l = lb + alpha * e;
                        b = phiB + beta * e;
                        if (seasonal) {
                            season[j] = s + gamma * e;
                        }
                    }
                }
                if (multSeason && !(l > 1e-8)) {
                    return Double.POSITIVE_INFINITY;
                }
                if (++j == m) {
                    j = 0;
                }
            }
            logSum += Math.log(muProduct);
            if (!(sse > 0) || !Double.isFinite(sse)) {
                return sse == 0 ? -1e12 : Double.POSITIVE_INFINITY;
            }
            return y.length * Math.log(sse) + 2 * logSum;
        }
    }

    /** A parsed model code such as {@code ZZZ} or {@code MAdM}. */
    record ModelCode(char error, String trend, char season) {

        static ModelCode parse(String code) {
            String c = code.trim().toUpperCase(java.util.Locale.ROOT).replace("AD", "D");
            if (c.length() != 3 || "AMZ".indexOf(c.charAt(0)) < 0 || "NADZ".indexOf(c.charAt(1)) < 0
                    || "NAMZ".indexOf(c.charAt(2)) < 0) {
                throw new IllegalArgumentException("hyper-parameter 'ets' must be a model code such as ZZZ, AAN, "
                        + "MAdM (error A/M/Z, trend N/A/Ad/Z, season N/A/M/Z), got '" + code + "'");
            }
            String trend = switch (c.charAt(1)) {
                case 'D' -> "Ad";
                case 'A' -> "A";
                case 'N' -> "N";
                default -> "Z";
            };
            return new ModelCode(c.charAt(0), trend, c.charAt(2));
        }
    }
}
