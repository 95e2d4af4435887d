package io.merx.recommendation.internal;

import java.util.List;
import java.util.Map;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;
import io.merx.api.ScoreRequest;
import io.merx.testkit.BadRequest;
import io.merx.testkit.ModelKindContract;

/** The contract on the demo shop, with the ALS kind's requests: same format, same filters. */
class EaseKindContractTest extends ModelKindContract {

    @Override
    protected ModelKind kind() {
        return new EaseKind();
    }

    @Override
    protected Dataset trainingData() {
        return AlsKindContractTest.DATA;
    }

    @Override
    protected Map<String, Object> hyperParameters() {
        return Map.of("seed", 7, "lambda", 50);
    }

    @Override
    protected List<ScoreRequest> requests() {
        return AlsKindContractTest.requestsFor();
    }

    @Override
    protected List<BadRequest> badRequests() {
        return AlsKindContractTest.badRequestsFor();
    }
}
