package io.merx.risk.transaction;

import java.util.List;
import java.util.Map;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;
import io.merx.api.ScoreRequest;
import io.merx.testkit.BadRequest;
import io.merx.testkit.ModelKindContract;

/** The contract, with the graph of the training file (Neo4j is exercised by RiskIT in the distribution). */
class TransactionKindContractTest extends ModelKindContract {

    @Override
    protected ModelKind kind() {
        return new TransactionKind();
    }

    @Override
    protected Dataset trainingData() {
        return SimulatedShop.orders(FraudScenario.DEMO.scaled(400, 3));
    }

    @Override
    protected Map<String, Object> hyperParameters() {
        return Map.of("graphFeatures", "data");
    }

    @Override
    protected List<ScoreRequest> requests() {
        return List.of(
                ScoreRequest.of(Map.of("customer", "C00010", "order_time", "2025-04-20T14:05", "amount", 42.0,
                        "card", "K-C00010", "device", "D-C00010", "address", "A-C00010")),
                ScoreRequest.of(Map.of("customer", "new-account", "order_time", "2025-04-21T03:10", "amount", 390.0,
                        "items", 4, "card", "K-ring0-0", "device", "D-ring0-0", "address", "A-elsewhere",
                        "billing_address", "B-1", "reasons", 5)),
                ScoreRequest.of(Map.of("customer", "C00020", "order_time", "2025-05-01", "amount", 0.0)));
    }

    @Override
    protected List<BadRequest> badRequests() {
        return List.of(
                new BadRequest(ScoreRequest.of(Map.of("order_time", "2025-04-20T14:05", "amount", 1.0)), "customer"),
                new BadRequest(ScoreRequest.of(Map.of("customer", "C1", "order_time", "yesterday", "amount", 1.0)),
                        "order_time"),
                new BadRequest(ScoreRequest.of(Map.of("customer", "C1", "order_time", "2025-04-20", "amount", -5.0)),
                        "amount"),
                new BadRequest(ScoreRequest.of(Map.of("customer", "C1", "order_time", "2025-04-20", "amount", 1.0,
                        "account_created", "last year")), "account_created"),
                new BadRequest(ScoreRequest.of(Map.of("customer", "C1", "order_time", "2025-04-20", "amount", 1.0,
                        "shoeSize", 42)), "shoeSize"));
    }
}
