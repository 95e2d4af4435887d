package io.merx.forecasting.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        if (y.length == 0) {
            throw new IllegalArgumentException("a series needs at least one value");
        }
        if (ConstantFit.isConstant(y)) {
            return new ConstantFit(y[0]);
        }
        String method = settings.method();
        boolean nonNegative = true;
        for (double v : y) {
            nonNegative &= v >= 0;
        }
        double adi = CrostonFit.adi(y);
        boolean intermittent = nonNegative && adi >= settings.intermittentAdi();
        if (method.equals("croston")) {
            return CrostonFit.fit(y, intermittent ? "" : "chosen method; series is not intermittent");
        }
        if (intermittent && !method.equals("snaive") && !method.equals("mlp")) {
            return CrostonFit.fit(y, String.format(Locale.ROOT, "intermittent: ADI %.2f", adi));
        }
        if (y.length < MIN_LENGTH) {
            return NaiveFit.fit(y, 1, "series too short (n=" + y.length + ")");
        }
        int m = settings.season();
        return switch (method) {
            case "snaive" -> NaiveFit.fit(y, m, "");
            case "theta" -> orNaive(ThetaFit.fit(y, m), y);
            case "mlp" -> mlp(y);
            case "auto-ets" -> orNaive(Ets.select(y, m, settings.ets(), new ArrayList<>()), y);
            default -> ensemble(y, m);
        };
    }

    private FittedSeries ensemble(double[] y, int m) {
        List<FittedSeries> members = new ArrayList<>();
        EtsFit ets = Ets.select(y, m, settings.ets(), new ArrayList<>());
        if (ets != null) {
            members.add(ets);
        }
        ThetaFit theta = ThetaFit.fit(y, m);
        if (theta != null) {
            members.add(theta);
        }
        if (network != null) {
            members.add(new MlpFit(network, y));
        }
        if (members.isEmpty()) {
            return NaiveFit.fit(y, 1, "no member of the ensemble could be fitted");
        }
        return new EnsembleFit(members, settings.combine().equals("median"));
    }

    private FittedSeries mlp(double[] y) {
        if (network == null) {
            throw new IllegalStateException("method mlp needs a trained network");
        }
        return new MlpFit(network, y);
    }

    private static FittedSeries orNaive(FittedSeries fit, double[] y) {
        return fit != null ? fit : NaiveFit.fit(y, 1, "model fitting failed; naive");
    }
}
