package ${package}.internal;

import java.util.List;
import java.util.Map;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;
import io.merx.api.ScoreRequest;
import io.merx.testkit.BadRequest;
import io.merx.testkit.ModelKindContract;

/** The Merx plugin contract: determinism, save/load, thread safety, native memory, clear errors. */
class ScoringKindContractTest extends ModelKindContract {

    @Override
    protected ModelKind kind() {
        return new ScoringKind("1.0.0");
    }

    @Override
    protected Dataset trainingData() {
        return DemoData.visits(300, 2);
    }

    @Override
    protected List<ScoreRequest> requests() {
        return List.of(ScoreRequest.of(Map.of("pages", 12, "minutes", 8.5, "pastOrders", 2)),
                ScoreRequest.of(Map.of("pages", 1, "minutes", 0.5, "pastOrders", 0)));
    }

    @Override
    protected List<BadRequest> badRequests() {
        return List.of(new BadRequest(ScoreRequest.of(Map.of("pages", "many", "minutes", 1, "pastOrders", 0)), "pages"),
                new BadRequest(ScoreRequest.of(Map.of("pages", 3, "pastOrders", 0)), "minutes"));
    }
}
