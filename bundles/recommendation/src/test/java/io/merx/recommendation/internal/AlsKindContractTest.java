package io.merx.recommendation.internal;

import java.util.List;
import java.util.Map;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;
import io.merx.api.ScoreRequest;
import io.merx.testkit.BadRequest;
import io.merx.testkit.ModelKindContract;

class AlsKindContractTest extends ModelKindContract {

    static final Dataset DATA = ShopDataGenerator.generate(300, 120, 4_000, 5);

    @Override
    protected ModelKind kind() {
        return new AlsKind();
    }

    @Override
    protected Dataset trainingData() {
        return DATA;
    }

    @Override
    protected Map<String, Object> hyperParameters() {
        return Map.of("seed", 7, "rank", 8, "iterations", 5);
    }

    @Override
    protected List<ScoreRequest> requests() {
        return requestsFor();
    }

    static List<ScoreRequest> requestsFor() {
        return List.of(ScoreRequest.of(Map.of("user", "C000001")),
                ScoreRequest.of(Map.of("user", "C000002", "k", 5, "unseenOnly", false, "categories", List.of("books"))),
                ScoreRequest.of(Map.of("user", "nobody", "k", 3)),
                ScoreRequest.of(Map.of("recentItems", List.of("P000001", "P000007"), "exclude", List.of("P000003"))),
                ScoreRequest.of(Map.of("op", "similar", "item", "P000004", "k", 4)),
                ScoreRequest.of(Map.of("op", "score", "user", "C000003", "items", List.of("P000001", "no-such-item"))));
    }

    @Override
    protected List<BadRequest> badRequests() {
        return badRequestsFor();
    }

    static List<BadRequest> badRequestsFor() {
        return List.of(new BadRequest(ScoreRequest.of(Map.of("user", "C000001", "k", -1)), "k"),
                new BadRequest(ScoreRequest.of(Map.of("user", "C000001", "k", 5_000)), "k"),
                new BadRequest(ScoreRequest.of(Map.of("user", 42)), "user"),
                new BadRequest(ScoreRequest.of(Map.of("user", "C000001", "op", "explain")), "op"),
                new BadRequest(ScoreRequest.of(Map.of("op", "similar")), "item"),
                new BadRequest(ScoreRequest.of(Map.of("op", "score", "user", "C000001")), "items"),
                new BadRequest(ScoreRequest.of(Map.of("k", 3)), "user"),
                new BadRequest(ScoreRequest.of(Map.of("user", "C000001", "colour", "red")), "colour"));
    }
}
