package io.merx.customers.internal.lifetime;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;
import io.merx.api.ScoreRequest;
import io.merx.customers.internal.SyntheticOrders;
import io.merx.testkit.BadRequest;
import io.merx.testkit.ModelKindContract;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

class LifetimeKindContractTest extends ModelKindContract {

    private static final SyntheticOrders DATA = SyntheticOrders.generate(300, LocalDate.of(2024, 1, 1), 540, 3);

    @Override
    protected ModelKind kind() {
        return new LifetimeKind();
    }

    @Override
    protected Dataset trainingData() {
        return DATA.dataset();
    }

    @Override
    protected Map<String, Object> hyperParameters() {
        return Map.of("draws", 500);
    }

    @Override
    protected List<ScoreRequest> requests() {
        String someone = DATA.truths().keySet().iterator().next();
        return List.of(ScoreRequest.of(Map.of("customer", someone)),
                ScoreRequest.of(Map.of("customer", someone, "horizon", 13.0, "level", 0.95)),
                ScoreRequest.of(Map.of("frequency", 3, "recency", 20.0, "age", 30.0, "monetary", 40.0)),
                ScoreRequest.of(Map.of("frequency", 0, "recency", 0.0, "age", 0.0)));
    }

    @Override
    protected List<BadRequest> badRequests() {
        return List.of(new BadRequest(ScoreRequest.of(Map.of("customer", "nobody-at-all")), "customer"),
                new BadRequest(ScoreRequest.of(Map.of("frequency", 2, "recency", 9.0, "age", 5.0)), "recency"),
                new BadRequest(ScoreRequest.of(Map.of("customer", 5)), "customer"));
    }
}
