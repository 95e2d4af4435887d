package io.merx.graph.internal;

import java.util.List;
import java.util.Map;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;
import io.merx.api.ScoreRequest;
import io.merx.testkit.BadRequest;
import io.merx.testkit.ModelKindContract;

class FraudKindContractTest extends ModelKindContract {

    @Override
    protected ModelKind kind() {
        try {
            return TestGraph.bound(new FraudKind());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Dataset trainingData() {
        return DemoShop.generate(600, 3, "contract-fraud");
    }

    @Override
    protected List<ScoreRequest> requests() {
        return List.of(ScoreRequest.of(Map.of("account", "C300")),
                ScoreRequest.of(Map.of("account", "C010")),
                ScoreRequest.of(Map.of("device", "D-ring1", "card", "K-new")),
                ScoreRequest.of(Map.of("account", "someone-new", "ip", "IP-office")));
    }

    @Override
    protected List<BadRequest> badRequests() {
        return List.of(new BadRequest(ScoreRequest.of(Map.of("account", 7)), "account"),
                new BadRequest(ScoreRequest.of(Map.of()), "account"),
                new BadRequest(ScoreRequest.of(Map.of("account", "C1", "shoeSize", "42")), "shoeSize"));
    }
}
