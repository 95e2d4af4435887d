package io.merx.forecasting.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Chooses and fits the model for one series under the configured method, with the documented fallbacks:
 * constant or all-zero histories get a constant forecast; intermittent histories (average inter-demand interval
 * at least {@code intermittentAdi}) get Croston-SBA under auto-ets, theta and ensemble; histories of fewer than
 * four values get the naive forecast; series too short for the season get non-seasonal models. The returned
 * model's {@link FittedSeries#model()} says which fallback applied.
 */
final class SeriesForecaster {

    static final int MIN_LENGTH = 4;

    private final Settings settings;
    private final MlpNetwork network;

    SeriesForecaster(Settings settings, MlpNetwork network) {
        this.settings = settings;
        this.network = network;
    }

    FittedSeries fit(double[] y) {
        return fitLocal(y).apply(network);
    }

    /**
     * Fits the series' own models; the returned step adds what needs the global network (the MLP member), so
     * training can fit every series while the network is still learning.
     */
    Function<MlpNetwork, FittedSeries> fitLocal(double[] y) {
        if (y.length == 0) {
            throw new IllegalArgumentException("a series needs at least one value");
        }
        if (ConstantFit.isConstant(y)) {
            return done(new ConstantFit(y[0]));
        }
        String method = settings.method();
        boolean nonNegative = true;
        for (double v : y) {
            nonNegative &= v >= 0;
        }
        double adi = CrostonFit.adi(y);
        boolean intermittent = nonNegative && adi >= settings.intermittentAdi();
        if (method.equals("croston")) {
            return done(CrostonFit.fit(y, intermittent ? "" : "chosen method; series is not intermittent"));
        }
        if (intermittent && !method.equals("snaive") && !method.equals("mlp")) {
            return done(CrostonFit.fit(y, String.format(Locale.ROOT, "intermittent: ADI %.2f", adi)));
        }
        if (y.length < MIN_LENGTH) {
            return done(NaiveFit.fit(y, 1, "series too short (n=" + y.length + ")"));
        }
        int m = settings.season();
        return switch (method) {
            case "snaive" -> done(NaiveFit.fit(y, m, ""));
            case "theta" -> done(orNaive(ThetaFit.fit(y, m), y));
            case "mlp" -> net -> mlp(net, y);
            case "auto-ets" -> done(orNaive(Ets.select(y, m, settings.ets(), new ArrayList<>()), y));
            default -> ensemble(y, m);
        };
    }

    private static Function<MlpNetwork, FittedSeries> done(FittedSeries fit) {
        return net -> fit;
    }

    private Function<MlpNetwork, FittedSeries> ensemble(double[] y, int m) {
        List<FittedSeries> local = new ArrayList<>();
        EtsFit ets = Ets.select(y, m, settings.ets(), new ArrayList<>());
        if (ets != null) {
            local.add(ets);
        }
        ThetaFit theta = ThetaFit.fit(y, m);
        if (theta != null) {
            local.add(theta);
        }
        return net -> {
            List<FittedSeries> members = new ArrayList<>(local);
            if (net != null) {
                members.add(new MlpFit(net, y));
            }
            if (members.isEmpty()) {
                return NaiveFit.fit(y, 1, "no member of the ensemble could be fitted");
            }
            return new EnsembleFit(members, settings.combine().equals("median"));
        };
    }

    private static FittedSeries mlp(MlpNetwork network, double[] y) {
        if (network == null) {
            throw new IllegalStateException("method mlp needs a trained network");
        }
        return new MlpFit(network, y);
    }

    private static FittedSeries orNaive(FittedSeries fit, double[] y) {
        return fit != null ? fit : NaiveFit.fit(y, 1, "model fitting failed; naive");
    }
}
