package io.merx.forecasting.internal;

import java.util.Map;

/**
 * Everything a forecasting model consists of: its settings (season resolved), each series' cleaned history and
 * fitted model, and the shared MLP network when the method uses one (null otherwise). Immutable once built.
 */
record ForecastModelData(Settings settings, String frequency, Map<String, SeriesEntry> series, MlpNetwork network) {

    ForecastModelData {
        series = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(series));
    }

    /** One series: the history the model saw (after interpolation) and its fitted model. */
    record SeriesEntry(double[] history, FittedSeries fit) {
    }

    SeriesForecaster forecaster() {
        return new SeriesForecaster(settings, network);
    }
}
