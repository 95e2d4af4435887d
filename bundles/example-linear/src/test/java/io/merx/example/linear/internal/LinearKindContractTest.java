package io.merx.example.linear.internal;

import java.util.List;
import java.util.Map;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;
import io.merx.api.ScoreRequest;
import io.merx.testkit.BadRequest;
import io.merx.testkit.ModelKindContract;

class LinearKindContractTest extends ModelKindContract {

    @Override
    protected ModelKind kind() {
        return new LinearKind();
    }

    @Override
    protected Dataset trainingData() {
        return DemoData.houses(400, 17);
    }

    @Override
    protected List<ScoreRequest> requests() {
        return List.of(ScoreRequest.of(Map.of("sqm", 80, "rooms", 3, "age", 20)),
                ScoreRequest.of(Map.of("sqm", 150.5, "rooms", 5, "age", 2)));
    }

    @Override
    protected List<BadRequest> badRequests() {
        return List.of(new BadRequest(ScoreRequest.of(Map.of("sqm", "big", "rooms", 3, "age", 20)), "sqm"),
                new BadRequest(ScoreRequest.of(Map.of("sqm", 80, "age", 20)), "rooms"),
                new BadRequest(ScoreRequest.of(Map.of("sqm", 80, "rooms", 3, "age", Double.NaN)), "age"),
                new BadRequest(ScoreRequest.of(Map.of("sqm", 80, "rooms", 3, "age", 1, "color", "red")), "color"));
    }
}
