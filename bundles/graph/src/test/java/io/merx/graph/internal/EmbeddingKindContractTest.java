package io.merx.graph.internal;

import java.util.List;
import java.util.Map;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;
import io.merx.api.ScoreRequest;
import io.merx.testkit.BadRequest;
import io.merx.testkit.ModelKindContract;

class EmbeddingKindContractTest extends ModelKindContract {

    @Override
    protected ModelKind kind() {
        try {
            return TestGraph.bound(new EmbeddingKind());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Dataset trainingData() {
        return DemoShop.generate(600, 3, "contract-embedding");
    }

    @Override
    protected Map<String, Object> hyperParameters() {
        return Map.of("dimension", 32);
    }

    @Override
    protected double tolerance() {
        return 1e-5;
    }

    @Override
    protected List<ScoreRequest> requests() {
        return List.of(ScoreRequest.of(Map.of("product", "P001")),
                ScoreRequest.of(Map.of("customer", "C010", "limit", 5)),
                ScoreRequest.of(Map.of("customer", "C010", "product", "P016")),
                ScoreRequest.of(Map.of("customer", "stranger")));
    }

    @Override
    protected List<BadRequest> badRequests() {
        return List.of(new BadRequest(ScoreRequest.of(Map.of("product", 1)), "product"),
                new BadRequest(ScoreRequest.of(Map.of("limit", 2)), "customer"),
                new BadRequest(ScoreRequest.of(Map.of("customer", "C010", "limit", 500)), "limit"),
                new BadRequest(ScoreRequest.of(Map.of("customer", "C010", "k", 5)), "k"));
    }
}
