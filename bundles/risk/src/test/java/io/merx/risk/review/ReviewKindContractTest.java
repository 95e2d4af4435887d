package io.merx.risk.review;

import java.util.List;
import java.util.Map;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;
import io.merx.api.ScoreRequest;
import io.merx.testkit.BadRequest;
import io.merx.testkit.ModelKindContract;

class ReviewKindContractTest extends ModelKindContract {

    static final Dataset DATA = FakeReviews.generate(DemoTexts.load(), FakeReviews.Settings.demo(), 3).dataset();

    @Override
    protected ModelKind kind() {
        return new ReviewKind();
    }

    @Override
    protected Dataset trainingData() {
        return DATA;
    }

    @Override
    protected List<ScoreRequest> requests() {
        return List.of(
                ScoreRequest.of(Map.of("text", "Delicious coffee, smooth and rich. My favourite.", "rating", 5L)),
                ScoreRequest.of(Map.of("text", "Arrived stale, tasted awful, threw it away.", "rating", 5L,
                        "reviewer", "U00001", "product", "P0001", "time", "2024-02-01T12:00:00Z",
                        "accountCreated", "2024-01-30T00:00:00Z", "recentReviews", 4L, "reasons", 9L)),
                ScoreRequest.of(Map.of("text", DATA.strings("text")[5], "rating", 5L, "reviewer", "someone-new")));
    }

    @Override
    protected List<BadRequest> badRequests() {
        return List.of(
                new BadRequest(ScoreRequest.of(Map.of("rating", 5L)), "text"),
                new BadRequest(ScoreRequest.of(Map.of("text", "   ", "rating", 5L)), "text"),
                new BadRequest(ScoreRequest.of(Map.of("text", "fine", "rating", 6L)), "rating"),
                new BadRequest(ScoreRequest.of(Map.of("text", "fine")), "rating"),
                new BadRequest(ScoreRequest.of(Map.of("text", "fine", "rating", 4L, "time", "yesterday")), "time"),
                new BadRequest(ScoreRequest.of(Map.of("text", "fine", "rating", 4L, "time", "2024-01-01",
                        "accountCreated", "2024-02-01")), "accountCreated"),
                new BadRequest(ScoreRequest.of(Map.of("text", "fine", "rating", 4L, "reasons", 10L)), "reasons"));
    }
}
