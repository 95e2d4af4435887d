package io.merx.forecasting.internal;

import java.util.List;
import java.util.Map;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;
import io.merx.api.ScoreRequest;
import io.merx.testkit.BadRequest;
import io.merx.testkit.ModelKindContract;

class ForecastingKindContractTest extends ModelKindContract {

    @Override
    protected ModelKind kind() {
        return new ForecastingKind();
    }

    @Override
    protected Dataset trainingData() {
        return DemoData.retail(7, 36, 3);
    }

    @Override
    protected Map<String, Object> hyperParameters() {
        return Map.of("method", "ensemble", "horizon", 6, "mlpEpochs", 2, "mlpHidden", 16, "backtestOrigins", 1,
                "seed", 7);
    }

    @Override
    protected List<ScoreRequest> requests() {
        return List.of(ScoreRequest.of(Map.of("series", "SKU-001", "horizon", 6)),
                ScoreRequest.of(Map.of("history", new double[] {12, 15, 14, 18, 20, 19, 23, 25, 24, 28, 30, 29, 33},
                        "horizon", 4, "plot", true)),
                ScoreRequest.of(Map.of("series", "SKU-006", "leadTime", 2, "stock", 3, "orderCost", 10,
                        "holdingCost", 0.5)));
    }

    @Override
    protected List<BadRequest> badRequests() {
        return List.of(new BadRequest(ScoreRequest.of(Map.of("series", "SKU-001", "horizon", 0)), "horizon"),
                new BadRequest(ScoreRequest.of(Map.of("series", "SKU-001", "horizon", 100_000)), "horizon"),
                new BadRequest(ScoreRequest.of(Map.of("series", "SKU-999")), "series"),
                new BadRequest(ScoreRequest.of(Map.of("series", "SKU-001", "horizon", "six")), "horizon"),
                new BadRequest(ScoreRequest.of(Map.of("history", List.of(1, "two", 3))), "history"),
                new BadRequest(ScoreRequest.of(Map.of("history", new double[0])), "history"),
                new BadRequest(ScoreRequest.of(Map.of("horizon", 3)), "series"),
                new BadRequest(ScoreRequest.of(Map.of("series", "SKU-001", "leadTime", -1)), "leadTime"),
                new BadRequest(ScoreRequest.of(Map.of("series", "SKU-001", "colour", "red")), "colour"));
    }
}
