package io.merx.forecasting.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.merx.api.FieldSpec;
import io.merx.api.FieldType;
import io.merx.api.InputSchema;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.ScoringException;

/**
 * Forecasts a stored series by id, or a series posted in the request, with intervals, optional inventory advice
 * and an optional SVG plot. Everything it holds is immutable Java data, so concurrent calls need no lock and
 * there is no native memory to free; closing only makes later calls fail as the contract requires.
 *
 * <pre>{@code
 * {"series": "SKU-007", "horizon": 6, "plot": true, "leadTime": 2, "serviceLevel": 0.95, "stock": 120,
 *  "orderCost": 50, "holdingCost": 0.2}
 * }</pre>
 */
final class ForecastScorer implements Scorer {

    static final int MAX_HISTORY = 100_000;

    private final ForecastModelData data;
    private final SeriesForecaster forecaster;
    private final InputSchema schema;
    private final int maxHorizon;
    private volatile boolean closed;

    ForecastScorer(ForecastModelData data) {
        this.data = data;
        this.forecaster = data.forecaster();
        this.maxHorizon = data.settings().resolvedMaxHorizon();
        this.schema = schema(maxHorizon);
    }

    static InputSchema schema(int maxHorizon) {
        return new InputSchema(List.of(
                FieldSpec.optional("series", FieldType.STRING, "id of a series the model was trained on"),
                FieldSpec.optional("history", FieldType.VECTOR,
                        "values of a new series, oldest first (instead of 'series')"),
                FieldSpec.optional("horizon", FieldType.INTEGER, "steps to forecast; default from training")
                        .withRange(1, maxHorizon),
                FieldSpec.optional("plot", FieldType.BOOLEAN, "add an SVG plot in 'svg'"),
                FieldSpec.optional("leadTime", FieldType.NUMBER, "replenishment lead time in periods; asks for "
                        + "inventory advice").withRange(0, maxHorizon),
                FieldSpec.optional("serviceLevel", FieldType.NUMBER, "cycle service level, default 0.95")
                        .withRange(0.5, 0.9999),
                FieldSpec.optional("stock", FieldType.NUMBER, "units on hand and on order, default 0")
                        .withRange(0, Double.POSITIVE_INFINITY),
                FieldSpec.optional("orderCost", FieldType.NUMBER, "fixed cost per order, default 0")
                        .withRange(0, Double.POSITIVE_INFINITY),
                FieldSpec.optional("holdingCost", FieldType.NUMBER, "holding cost per unit and period")
                        .withRange(0, Double.POSITIVE_INFINITY)), false);
    }

    @Override
    public InputSchema inputSchema() {
        return schema;
    }

    @Override
    public ScoreResult score(ScoreRequest request) throws ScoringException {
        if (closed) {
            throw new ScoringException("scorer is closed");
        }
        int horizon = horizon(request);
        String id = null;
        double[] history;
        FittedSeries fit;
        if (request.has("series") && request.has("history")) {
            throw new IllegalArgumentException("give either 'series' or 'history', not both");
        }
        if (request.has("series")) {
            id = request.text("series");
            ForecastModelData.SeriesEntry entry = data.series().get(id);
            if (entry == null) {
                throw new IllegalArgumentException("unknown series '" + id + "' in field 'series'; the model knows "
                        + data.series().size() + " series, e.g. " + examples());
            }
            history = entry.history();
            fit = entry.fit();
        } else if (request.has("history")) {
            history = request.vector("history");
            if (history.length == 0) {
                throw new IllegalArgumentException("field 'history' must hold at least one value");
            }
            if (history.length > MAX_HISTORY) {
                throw new IllegalArgumentException("field 'history' holds " + history.length + " values; at most "
                        + MAX_HISTORY);
            }
            fit = forecaster.fit(history);
        } else {
            throw new IllegalArgumentException("a request needs field 'series' (a known series id) or field "
                    + "'history' (an array of values)");
        }
        double leadTime = request.number("leadTime", 0);
        if (request.has("leadTime") && !(leadTime > 0)) {
            throw new IllegalArgumentException("field 'leadTime' must be positive, got " + leadTime);
        }
        int steps = Math.max(horizon, (int) Math.ceil(leadTime));
        Forecast full = Forecasts.finish(fit, history, steps);
        Forecast forecast = steps == horizon ? full : cut(full, horizon);

        ScoreResult.Builder result = ScoreResult.builder();
        if (id != null) {
            result.put("series", id);
        }
        result.put("model", fit.model())
                .put("intervals", forecast.intervals())
                .put("horizon", (Object) horizon)
                .put("forecast", forecast.mean())
                .put("lower80", forecast.lower80())
                .put("upper80", forecast.upper80())
                .put("lower95", forecast.lower95())
                .put("upper95", forecast.upper95());
        if (request.has("leadTime")) {
            result.put("inventory", inventory(request, full, leadTime));
        }
        if (request.flag("plot", false)) {
            String title = (id != null ? id : "posted history") + ": " + fit.model();
            result.put("svg", SvgPlot.render(title, history, forecast));
        }
        return result.build();
    }

    private int horizon(ScoreRequest request) {
        long horizon = request.integer("horizon", Math.min(data.settings().horizon(), maxHorizon));
        if (horizon < 1 || horizon > maxHorizon) {
            throw new IllegalArgumentException("field 'horizon' must be between 1 and " + maxHorizon + ", got "
                    + horizon);
        }
        return (int) horizon;
    }

    private static Map<String, Object> inventory(ScoreRequest request, Forecast forecast, double leadTime) {
        double orderCost = request.number("orderCost", 0);
        double holdingCost = request.number("holdingCost", 0);
        if (orderCost > 0 && !(holdingCost > 0)) {
            throw new IllegalArgumentException("field 'holdingCost' must be positive when 'orderCost' is given");
        }
        return Inventory.advise(forecast, leadTime, request.number("serviceLevel", 0.95),
                request.number("stock", 0), orderCost, holdingCost);
    }

    private static Forecast cut(Forecast f, int h) {
        return new Forecast(java.util.Arrays.copyOf(f.mean(), h), java.util.Arrays.copyOf(f.lower80(), h),
                java.util.Arrays.copyOf(f.upper80(), h), java.util.Arrays.copyOf(f.lower95(), h),
                java.util.Arrays.copyOf(f.upper95(), h), f.intervals());
    }

    private List<String> examples() {
        List<String> ids = new ArrayList<>();
        for (String id : data.series().keySet()) {
            if (ids.size() == 3) {
                break;
            }
            ids.add(id);
        }
        return ids;
    }

    @Override
    public void close() {
        closed = true;
    }
}
