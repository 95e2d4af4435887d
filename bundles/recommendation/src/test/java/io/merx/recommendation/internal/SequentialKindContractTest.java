package io.merx.recommendation.internal;

import java.util.List;
import java.util.Map;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;
import io.merx.api.ScoreRequest;
import io.merx.testkit.BadRequest;
import io.merx.testkit.ModelKindContract;

/** The contract on a small shop with an order signal, with the ALS kind's requests: same format, same filters. */
class SequentialKindContractTest extends ModelKindContract {

    static final Dataset DATA = ShopDataGenerator.generate(300, 120, 4_000, 5, 0.5);

    @Override
    protected ModelKind kind() {
        return new SequentialKind();
    }

    @Override
    protected Dataset trainingData() {
        return DATA;
    }

    @Override
    protected Map<String, Object> hyperParameters() {
        return Map.of("seed", 7, "dim", 16, "blocks", 1, "maxLength", 20, "epochs", 3);
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
