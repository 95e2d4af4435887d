package io.merx.pricing.internal;

import java.util.List;
import java.util.Map;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;
import io.merx.api.ScoreRequest;
import io.merx.testkit.BadRequest;
import io.merx.testkit.ModelKindContract;

class PricingKindContractTest extends ModelKindContract {

    @Override
    protected ModelKind kind() {
        return new PricingKind();
    }

    @Override
    protected Dataset trainingData() {
        return MarketSimulator.create(2, 3, 40, 3).history();
    }

    @Override
    protected List<ScoreRequest> requests() {
        return List.of(ScoreRequest.of(Map.of("type", "elasticity", "product", "c0-p1")),
                ScoreRequest.of(Map.of("type", "predict", "prices", Map.of("c0-p0", 2.49, "c0-p1", 3.10),
                        "promo", Map.of("c0-p0", 1))),
                ScoreRequest.of(Map.of("type", "optimize", "category", "c1", "costs", Map.of("*", 1.0),
                        "constraints", Map.of("minPrice", 1.5, "maxPrice", 9.99, "endings", List.of(0.49, 0.99)),
                        "draws", 300)));
    }

    @Override
    protected List<BadRequest> badRequests() {
        return List.of(new BadRequest(ScoreRequest.of(Map.of("type", "forecast")), "type"),
                new BadRequest(ScoreRequest.of(Map.of("type", "elasticity", "product", "nope")), "product"),
                new BadRequest(ScoreRequest.of(Map.of("type", "predict", "prices", Map.of("c0-p0", -1))),
                        "prices.c0-p0"),
                new BadRequest(ScoreRequest.of(Map.of("type", "predict", "prices", Map.of("c0-p0", 2), "color", "red")),
                        "color"),
                new BadRequest(ScoreRequest.of(Map.of("type", "optimize", "products", List.of("c0-p0"),
                        "costs", Map.of("c0-p0", 5.0), "constraints", Map.of("maxPrice", 4.99))), "costs.c0-p0"),
                new BadRequest(ScoreRequest.of(Map.of("type", "optimize", "products", List.of("c0-p0"),
                        "objective", "revenue", "constraints", Map.of("minPrice", 3, "maxPrice", 2))), "constraints"),
                new BadRequest(ScoreRequest.of(Map.of("type", "optimize", "products", List.of("c0-p0"),
                        "objective", "margin")), "objective"));
    }
}
