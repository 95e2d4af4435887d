package io.merx.recommendation.internal;

import java.util.List;
import java.util.Map;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;
import io.merx.api.ScoreRequest;
import io.merx.testkit.BadRequest;
import io.merx.testkit.ModelKindContract;

class PopularityKindContractTest extends ModelKindContract {

    @Override
    protected ModelKind kind() {
        return new PopularityKind();
    }

    @Override
    protected Dataset trainingData() {
        return AlsKindContractTest.DATA;
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
