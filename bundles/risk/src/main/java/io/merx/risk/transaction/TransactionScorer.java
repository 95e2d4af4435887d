package io.merx.risk.transaction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.merx.api.FieldSpec;
import io.merx.api.FieldType;
import io.merx.api.InputSchema;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.ScoringException;

/**
 * Scores one order with a {@link TransactionModel}: the calibrated {@code probability} of fraud, the
 * {@code decision} (allow, review, block) at the model's costs, {@code reasons} (the features that raised the
 * score, with a sentence each) and the order's {@code graph} features. Velocity and graph features come from the
 * model's snapshots, so scoring touches no database. An account already known for fraud is blocked whatever the
 * model says, with that reason first. The model is immutable heap data: scoring is lock-free.
 */
final class TransactionScorer implements Scorer {

    static final int MAX_REASONS = 10;

    static final InputSchema SCHEMA = new InputSchema(List.of(
            FieldSpec.required("customer", FieldType.STRING, "account id of the order"),
            FieldSpec.required("order_time", FieldType.STRING, "when the order was placed, ISO date-time in UTC "
                    + "such as 2025-03-01T14:05"),
            FieldSpec.required("amount", FieldType.NUMBER, "order value, >= 0").withRange(0, 1e12),
            FieldSpec.optional("items", FieldType.NUMBER, "number of items, default 1").withRange(0, 1e6),
            FieldSpec.optional("account_created", FieldType.STRING, "ISO date the account was opened; default: as "
                    + "known from the training data, else a new account"),
            FieldSpec.optional("card", FieldType.STRING, "card fingerprint"),
            FieldSpec.optional("device", FieldType.STRING, "device fingerprint"),
            FieldSpec.optional("address", FieldType.STRING, "shipping address"),
            FieldSpec.optional("billing_address", FieldType.STRING, "billing address"),
            FieldSpec.optional("email", FieldType.STRING, "e-mail address"),
            FieldSpec.optional("order_id", FieldType.STRING, "the shop's order id: when given, the order counts "
                    + "(once per id) in the card, device, address and e-mail velocity of later orders"),
            FieldSpec.optional("reasons", FieldType.INTEGER, "reason codes to return, default 3")
                    .withRange(0, MAX_REASONS)), false);

    private final TransactionModel model;
    private final Supplier<OrderActivity> activity;
    private final Map<String, Long> accountCreated = new java.util.HashMap<>();
    private volatile boolean closed;

    /** A scorer that reads its snapshot alone. */
    TransactionScorer(TransactionModel model) {
        this(model, () -> OrderActivity.NONE);
    }

    /**
     * @param activity the orders seen since training, read on every request (it may be replaced while serving)
     */
    TransactionScorer(TransactionModel model, Supplier<OrderActivity> activity) {
        this.model = model;
        this.activity = activity;
        for (Order o : model.orders()) {
            if (o.accountCreatedDay() != Long.MIN_VALUE) {
                accountCreated.putIfAbsent(o.account(), o.accountCreatedDay());
            }
        }
    }

    @Override
    public InputSchema inputSchema() {
        return SCHEMA;
    }

    @Override
    public ScoreResult score(ScoreRequest request) throws ScoringException {
        if (closed) {
            throw new ScoringException("scorer is closed");
        }
        SCHEMA.validate(request.inputs());
        Order order = order(request);
        OrderActivity online = activity.get();
        double[] raw = model.raw(order, new LiveOrderMemory(model.history(), online.orders()));
        if (online != OrderActivity.NONE && request.has("order_id")) {
            // After the features: an order never counts in its own velocity.
            online.record(nonBlank(request, "order_id"), order);
        }
        double probability = model.probability(raw);
        CostPolicy.Decision decision = model.costs().decide(probability);
        List<Object> reasons = new ArrayList<>();
        boolean knownFraud = model.graph() != null && model.graph().knownFraud(order.account());
        if (knownFraud) {
            decision = CostPolicy.Decision.BLOCK;
            // A rule, not a model effect: the model never sees an order's own account label (see IdentifierGraph).
            reasons.add(Map.of("code", "accountKnownFraud", "text", "the account committed fraud before"));
        }
        for (TransactionModel.Reason reason : model.reasons(raw, (int) request.integer("reasons", 3))) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("code", reason.feature());
            r.put("text", ReasonText.of(reason.feature(), reason.value()));
            r.put("effect", Math.round(reason.effect() * 1000) / 1000.0);
            reasons.add(r);
        }
        ScoreResult.Builder result = ScoreResult.builder()
                .put("probability", probability)
                .put("decision", decision.label())
                .put("reasons", reasons)
                .put("reviewAbove", model.costs().reviewAbove())
                .put("blockAbove", model.costs().blockAbove());
        if (model.graph() != null) {
            int g = OrderFeatures.ORDER_NAMES.size();
            Map<String, Object> graph = new LinkedHashMap<>();
            graph.put("sharedIdentifiers", (long) raw[g]);
            graph.put("linkedAccounts", Math.round(Math.expm1(raw[g + 1])));
            graph.put("ringSize", Math.round(Math.exp(raw[g + 2])));
            graph.put("ringFraudAccounts", Math.round(Math.expm1(raw[g + 3])));
            graph.put("hopsToFraud", raw[g + 4] > 0 ? Math.round(1 / raw[g + 4]) : -1L);
            graph.put("knownFraudAccount", knownFraud);
            result.put("graph", graph);
        }
        return result.build();
    }

    private Order order(ScoreRequest request) {
        String account = nonBlank(request, "customer");
        long time = TransactionColumns.time(request.text("order_time"), "order_time", -1);
        long created = request.has("account_created")
                ? TransactionColumns.day(request.text("account_created"), "account_created", -1)
                : accountCreated.getOrDefault(account, Math.floorDiv(time, 86_400));
        return new Order("request", account, time, created, request.number("amount"), request.number("items", 1),
                optional(request, "card"), optional(request, "device"), optional(request, "address"),
                optional(request, "billing_address"), optional(request, "email"));
    }

    private static String nonBlank(ScoreRequest request, String field) {
        String value = request.text(field);
        if (value.isBlank()) {
            throw new IllegalArgumentException("field '" + field + "' must not be empty");
        }
        return value.strip();
    }

    private static String optional(ScoreRequest request, String field) {
        return request.has(field) && !request.text(field).isBlank() ? request.text(field).strip() : null;
    }

    @Override
    public void close() {
        closed = true; // heap data only: nothing to free, but a closed scorer answers no more
    }
}
