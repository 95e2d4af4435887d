package io.merx.recommendation.internal;

import java.util.List;
import java.util.Map;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;
import io.merx.api.ScoreRequest;
import io.merx.testkit.BadRequest;
import io.merx.testkit.ModelKindContract;

/** The contract on the ALS test shop, with the ALS kind's requests: same format, same filters. */
class GraphKindContractTest extends ModelKindContract {

    @Override
    protected ModelKind kind() {
        return new GraphKind();
    }

    @Override
    protected Dataset trainingData() {
        return AlsKindContractTest.DATA;
    }

    @Override
    protected Map<String, Object> hyperParameters() {
        return Map.of("seed", 7, "dimension", 16, "epochs", 6, "batchSize", 512);
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
