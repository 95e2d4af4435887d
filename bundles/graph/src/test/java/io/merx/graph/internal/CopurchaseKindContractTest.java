package io.merx.graph.internal;

import java.util.List;
import java.util.Map;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;
import io.merx.api.ScoreRequest;
import io.merx.testkit.BadRequest;
import io.merx.testkit.ModelKindContract;

class CopurchaseKindContractTest extends ModelKindContract {

    @Override
    protected ModelKind kind() {
        try {
            return TestGraph.bound(new CopurchaseKind());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Dataset trainingData() {
        return DemoShop.generate(600, 3, "contract-copurchase");
    }

    @Override
    protected List<ScoreRequest> requests() {
        return List.of(ScoreRequest.of(Map.of("product", "P001")),
                ScoreRequest.of(Map.of("products", List.of("P001", "P016"), "limit", 3)),
                ScoreRequest.of(Map.of("product", "P001", "crossCategory", true, "category", "cat1")),
                ScoreRequest.of(Map.of("product", "no-such-product")));
    }

    @Override
    protected List<BadRequest> badRequests() {
        return List.of(new BadRequest(ScoreRequest.of(Map.of("product", 5)), "product"),
                new BadRequest(ScoreRequest.of(Map.of("limit", 3)), "product"),
                new BadRequest(ScoreRequest.of(Map.of("product", "P001", "limit", 0)), "limit"),
                new BadRequest(ScoreRequest.of(Map.of("product", "P001", "colour", "red")), "colour"));
    }
}
