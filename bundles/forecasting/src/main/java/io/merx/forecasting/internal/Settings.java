package io.merx.forecasting.internal;

import java.util.List;
import java.util.Properties;

import io.merx.api.HyperParameters;
import io.merx.api.ParameterSpec;

/**
 * The kind's hyper-parameters, their specs and a typed view. Stored in the model's properties file so a loaded
 * model forecasts posted histories exactly as it forecasts its own series.
 */
record Settings(String seriesColumn, String timeColumn, String valueColumn, String method, int season,
        int horizon, int maxHorizon, String ets, String combine, double intermittentAdi, int mlpWindow,
        int mlpHidden, int mlpEpochs, double mlpLearningRate, int backtestOrigins, int threads, long seed) {

    static final List<String> METHODS = List.of("ensemble", "auto-ets", "theta", "snaive", "mlp", "croston");

    static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.text("seriesColumn", "series", "column naming the series (SKU, store) of each row"),
            ParameterSpec.text("timeColumn", "t", "column with the period: an integer index or an ISO date "
                    + "(yyyy-MM-dd or yyyy-MM)"),
            ParameterSpec.text("valueColumn", "value", "column with the observed value (NaN = missing, interpolated)"),
            ParameterSpec.choice("method", "ensemble", METHODS, "ensemble: median of auto-ets, theta and mlp; "
                    + "auto-ets: ETS chosen by AICc; theta; snaive: seasonal naive; mlp: global DL4J network; "
                    + "croston: Croston-SBA for every series (auto-ets, theta and ensemble switch to it by "
                    + "themselves for intermittent series)"),
            ParameterSpec.integer("season", 0, 0, 366, "season length in periods; 0 = from the dates (weekly 52, "
                    + "monthly 12, quarterly 4, daily 7) or 1 for integer periods"),
            ParameterSpec.integer("horizon", 12, 1, 500, "default forecast horizon; also the MLP's output length "
                    + "and the backtest horizon"),
            ParameterSpec.integer("maxHorizon", 0, 0, 500, "largest horizon a request may ask for; 0 = "
                    + "min(500, max(10 x season, 2 x horizon))"),
            ParameterSpec.text("ets", "ZZZ", "ETS model code as in R (error A/M/Z, trend N/A/Ad/Z, season "
                    + "N/A/M/Z); Z lets AICc choose"),
            ParameterSpec.choice("combine", "median", List.of("median", "mean"), "how the ensemble combines"),
            ParameterSpec.real("intermittentAdi", 1.32, 1, 1e6, "series whose average inter-demand interval "
                    + "(periods per non-zero value) reaches this use Croston-SBA; 1.32 is Syntetos-Boylan's cut-off"),
            ParameterSpec.integer("mlpWindow", 0, 0, 520, "MLP input length; 0 = max(2 x season, 12)"),
            ParameterSpec.integer("mlpHidden", 64, 4, 4096, "units in each of the MLP's two hidden layers"),
            ParameterSpec.integer("mlpEpochs", 10, 1, 10_000, "MLP training passes over all windows"),
            ParameterSpec.real("mlpLearningRate", 3e-3, 1e-6, 1, "Adam learning rate of the MLP"),
            ParameterSpec.integer("backtestOrigins", 2, 0, 50, "rolling forecast origins for the backtest "
                    + "metrics; 0 skips the backtest"),
            ParameterSpec.integer("threads", 0, 0, 512, "threads fitting series in parallel; 0 = available cores"),
            ParameterSpec.integer("seed", 42, 0, Long.MAX_VALUE, "seed of the MLP's initialisation and shuffling"));

    static Settings of(HyperParameters hp) {
        Settings settings = new Settings(hp.getString("seriesColumn"), hp.getString("timeColumn"),
                hp.getString("valueColumn"), hp.getString("method"), hp.getInt("season"), hp.getInt("horizon"),
                hp.getInt("maxHorizon"), hp.getString("ets"), hp.getString("combine"),
                hp.getDouble("intermittentAdi"), hp.getInt("mlpWindow"), hp.getInt("mlpHidden"),
                hp.getInt("mlpEpochs"), hp.getDouble("mlpLearningRate"), hp.getInt("backtestOrigins"),
                hp.getInt("threads"), hp.getLong("seed"));
        Ets.ModelCode.parse(settings.ets);
        return settings;
    }

    /** With the season resolved from the data (the stored form always has it). */
    Settings withSeason(int resolved) {
        return new Settings(seriesColumn, timeColumn, valueColumn, method, resolved, horizon, maxHorizon, ets,
                combine, intermittentAdi, mlpWindow, mlpHidden, mlpEpochs, mlpLearningRate, backtestOrigins,
                threads, seed);
    }

    boolean usesMlp() {
        return method.equals("mlp") || method.equals("ensemble");
    }

    int resolvedWindow() {
        return mlpWindow > 0 ? mlpWindow : Math.max(2 * season, 12);
    }

    int resolvedMaxHorizon() {
        return maxHorizon > 0 ? Math.max(maxHorizon, 1) : Math.min(500, Math.max(10 * season, 2 * horizon));
    }

    int resolvedThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("seriesColumn", seriesColumn);
        p.setProperty("timeColumn", timeColumn);
        p.setProperty("valueColumn", valueColumn);
        p.setProperty("method", method);
        p.setProperty("season", Integer.toString(season));
        p.setProperty("horizon", Integer.toString(horizon));
        p.setProperty("maxHorizon", Integer.toString(maxHorizon));
        p.setProperty("ets", ets);
        p.setProperty("combine", combine);
        p.setProperty("intermittentAdi", Double.toString(intermittentAdi));
        p.setProperty("mlpWindow", Integer.toString(mlpWindow));
        p.setProperty("mlpHidden", Integer.toString(mlpHidden));
        p.setProperty("mlpEpochs", Integer.toString(mlpEpochs));
        p.setProperty("mlpLearningRate", Double.toString(mlpLearningRate));
        p.setProperty("backtestOrigins", Integer.toString(backtestOrigins));
        p.setProperty("threads", Integer.toString(threads));
        p.setProperty("seed", Long.toString(seed));
        return p;
    }

    static Settings fromProperties(Properties p) {
        return new Settings(p.getProperty("seriesColumn"), p.getProperty("timeColumn"), p.getProperty("valueColumn"),
                p.getProperty("method"), Integer.parseInt(p.getProperty("season")),
                Integer.parseInt(p.getProperty("horizon")), Integer.parseInt(p.getProperty("maxHorizon")),
                p.getProperty("ets"), p.getProperty("combine"), Double.parseDouble(p.getProperty("intermittentAdi")),
                Integer.parseInt(p.getProperty("mlpWindow")), Integer.parseInt(p.getProperty("mlpHidden")),
                Integer.parseInt(p.getProperty("mlpEpochs")), Double.parseDouble(p.getProperty("mlpLearningRate")),
                Integer.parseInt(p.getProperty("backtestOrigins")), Integer.parseInt(p.getProperty("threads")),
                Long.parseLong(p.getProperty("seed")));
    }
}
