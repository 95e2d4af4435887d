package io.merx.customers.internal.lifetime;

import io.merx.api.FieldSpec;
import io.merx.api.FieldType;
import io.merx.api.InputSchema;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.ScoringException;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer's outlook: P(alive), expected purchases, spend and value in the horizon, with prediction intervals.
 * The customer is either one the model was trained on ({@code customer}) or given by its summary
 * ({@code frequency}, {@code recency}, {@code age}, {@code monetary}); an unknown id is refused, as the forecasting
 * kind refuses an unknown series, because a typo must not silently answer with the population prior (a brand-new
 * customer is {@code {"frequency":0,"recency":0,"age":0}}). Immutable data only: no lock, nothing to free.
 *
 * <pre>{@code
 * {"customer": "CG-12520", "horizon": 26, "level": 0.95}
 * }</pre>
 */
final class LifetimeScorer implements Scorer {

    private final LifetimeModel model;
    private volatile boolean closed;

    LifetimeScorer(LifetimeModel model) {
        this.model = model;
    }

    static InputSchema schema() {
        return new InputSchema(List.of(
                FieldSpec.optional("customer", FieldType.STRING, "id of a customer the model was trained on"),
                FieldSpec.optional("frequency", FieldType.INTEGER, "instead of 'customer': repeat purchase days")
                        .withRange(0, 1e9),
                FieldSpec.optional("recency", FieldType.NUMBER, "time units from first to last purchase")
                        .withRange(0, 1e9),
                FieldSpec.optional("age", FieldType.NUMBER, "time units from first purchase to now")
                        .withRange(0, 1e9),
                FieldSpec.optional("monetary", FieldType.NUMBER, "mean amount of the repeat purchases")
                        .withRange(0, Double.MAX_VALUE),
                FieldSpec.optional("horizon", FieldType.NUMBER, "time units ahead; default from training")
                        .withRange(0.01, 5200),
                FieldSpec.optional("level", FieldType.NUMBER, "level of the intervals; default from training")
                        .withRange(0.5, 0.995)), false);
    }

    @Override
    public InputSchema inputSchema() {
        return schema();
    }

    @Override
    public ScoreResult score(ScoreRequest request) throws ScoringException {
        if (closed) {
            throw new ScoringException("scorer is closed");
        }
        String id = null;
        RfmSummary customer;
        if (request.has("customer")) {
            if (request.has("frequency")) {
                throw new IllegalArgumentException("give either 'customer' or 'frequency'/'recency'/'age', not both");
            }
            id = request.text("customer");
            customer = model.customers().get(id);
            if (customer == null) {
                throw new IllegalArgumentException("unknown customer '" + id + "' in field 'customer'; the model "
                        + "knows " + model.customers().size() + " customers, e.g. " + examples()
                        + "; a new customer is {\"frequency\":0,\"recency\":0,\"age\":0}");
            }
        } else if (request.has("frequency") && request.has("recency") && request.has("age")) {
            customer = new RfmSummary((int) request.integer("frequency"), request.number("recency"),
                    request.number("age"), request.number("monetary", 0));
        } else {
            throw new IllegalArgumentException("a request needs field 'customer' (a known customer id) or fields "
                    + "'frequency', 'recency' and 'age' (and optionally 'monetary')");
        }
        double horizon = request.number("horizon", model.settings().horizon());
        double level = request.number("level", model.settings().intervalLevel());
        LifetimeValue value = model.value(horizon);
        if (!Double.isFinite(value.expectedSpend(customer))) {
            throw new ScoringException("the fitted spend model has no finite mean (Gamma-Gamma q = "
                    + model.spend().q() + " <= 1) for a customer without repeat purchases");
        }
        long seed = model.settings().seed() * 31 + (id != null ? id.hashCode() : customer.hashCode());
        CustomerOutlook o = new PredictiveSimulation(value, model.settings().draws()).outlook(customer, level, seed);
        ScoreResult.Builder result = ScoreResult.builder();
        if (id != null) {
            result.put("customer", id);
        }
        return result.put("probabilityAlive", o.probabilityAlive())
                .put("expectedPurchases", o.expectedPurchases())
                .put("purchasesLower", o.purchasesLower())
                .put("purchasesUpper", o.purchasesUpper())
                .put("expectedSpend", o.expectedSpend())
                .put("expectedValue", o.expectedValue())
                .put("valueLower", o.valueLower())
                .put("valueUpper", o.valueUpper())
                .put("level", level)
                .put("horizon", horizon)
                .put("timeUnit", model.settings().timeUnit())
                .put("frequency", (double) customer.x())
                .put("recency", customer.tx())
                .put("age", customer.age())
                .put("monetary", customer.meanSpend())
                .build();
    }

    private List<String> examples() {
        List<String> ids = new ArrayList<>();
        for (String id : model.customers().keySet()) {
            if (ids.size() == 3) {
                break;
            }
            ids.add(id);
        }
        return ids;
    }

    @Override
    public void close() {
        closed = true;
    }
}
