package io.merx.customers.internal.propensity;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;
import io.merx.api.ScoreRequest;
import io.merx.customers.internal.SyntheticOrders;
import io.merx.testkit.BadRequest;
import io.merx.testkit.ModelKindContract;

class PropensityKindContractTest extends ModelKindContract {

    static final Dataset DATA = SyntheticOrders.generate(400, LocalDate.of(2023, 1, 1), 720, 5).dataset();

    @Override
    protected ModelKind kind() {
        return new PropensityKind();
    }

    @Override
    protected Dataset trainingData() {
        return DATA;
    }

    @Override
    protected List<ScoreRequest> requests() {
        return List.of(
                ScoreRequest.of(Map.of("customer", "C00001")),
                ScoreRequest.of(Map.of("customer", "C00002", "reasons", 5L)),
                ScoreRequest.of(Map.of("dates", List.of("2024-01-05", "2024-03-01", "2024-06-20"),
                        "amounts", new double[] {40, 55.5, 12}, "categories", List.of("home", "home", "garden"))),
                ScoreRequest.of(Map.of("dates", List.of("2023-02-01"), "amounts", new double[] {300},
                        "asOf", "2024-12-01")));
    }

    @Override
    protected List<BadRequest> badRequests() {
        return List.of(
                new BadRequest(ScoreRequest.of(Map.of("customer", "nobody")), "customer"),
                new BadRequest(ScoreRequest.of(Map.of("dates", List.of("2024-01-05"))), "amounts"),
                new BadRequest(ScoreRequest.of(Map.of("dates", List.of("5 Jan 2024"), "amounts",
                        new double[] {3})), "dates"),
                new BadRequest(ScoreRequest.of(Map.of("dates", List.of("2024-01-05", "2024-01-06"), "amounts",
                        new double[] {3})), "amounts"),
                new BadRequest(ScoreRequest.of(Map.of("dates", List.of("2024-01-05"), "amounts",
                        new double[] {-3})), "amounts"),
                new BadRequest(ScoreRequest.of(Map.of("dates", List.of("2024-01-05"), "amounts",
                        new double[] {3}, "asOf", "yesterday")), "asOf"),
                new BadRequest(ScoreRequest.of(Map.of("customer", "C00001", "asOf", "2024-01-01")), "asOf"),
                new BadRequest(ScoreRequest.of(Map.of("customer", "C00001", "reasons", 99L)), "reasons"));
    }
}
