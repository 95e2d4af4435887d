package io.merx.customers.internal.segments;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;
import io.merx.api.ScoreRequest;
import io.merx.customers.internal.SyntheticOrders;
import io.merx.testkit.BadRequest;
import io.merx.testkit.ModelKindContract;

class SegmentsKindContractTest extends ModelKindContract {

    @Override
    protected ModelKind kind() {
        return new SegmentsKind();
    }

    @Override
    protected Dataset trainingData() {
        return SyntheticOrders.generate(300, LocalDate.of(2024, 1, 1), 365, 7).dataset();
    }

    @Override
    protected Map<String, Object> hyperParameters() {
        return Map.of("kMax", 4, "restarts", 2);
    }

    @Override
    protected List<ScoreRequest> requests() {
        return List.of(ScoreRequest.of(Map.of("customer", "C00001")),
                ScoreRequest.of(Map.of("customer", "C00300")),
                ScoreRequest.of(Map.of("recencyDays", 12, "orders", 9, "meanOrderAmount", 85.5, "tenureDays", 300)),
                ScoreRequest.of(Map.of("recencyDays", 200, "orders", 1, "meanOrderAmount", 20, "tenureDays", 200,
                        "categorySpend", Map.of("fashion", 15, "grocery", 5, "toys", 3))));
    }

    @Override
    protected List<BadRequest> badRequests() {
        return List.of(new BadRequest(ScoreRequest.of(Map.of("customer", "nobody")), "customer"),
                new BadRequest(ScoreRequest.of(Map.of("recencyDays", 12, "meanOrderAmount", 85.5, "tenureDays", 300)),
                        "orders"),
                new BadRequest(ScoreRequest.of(Map.of("recencyDays", 50, "orders", 2, "meanOrderAmount", 10,
                        "tenureDays", 20)), "tenureDays"),
                new BadRequest(ScoreRequest.of(Map.of("recencyDays", 5, "orders", 2, "meanOrderAmount", 10,
                        "tenureDays", 20, "categorySpend", Map.of("home", -4))), "categorySpend.home"),
                new BadRequest(ScoreRequest.of(Map.of("recencyDays", -1, "orders", 2, "meanOrderAmount", 10,
                        "tenureDays", 20)), "recencyDays"),
                new BadRequest(ScoreRequest.of(Map.of("customer", "C00001", "orders", 3)), "orders"),
                new BadRequest(ScoreRequest.of(Map.of("customer", "C00001", "color", "red")), "color"));
    }
}
