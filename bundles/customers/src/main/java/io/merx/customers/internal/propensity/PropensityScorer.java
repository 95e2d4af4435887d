package io.merx.customers.internal.propensity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.merx.api.Dataset;
import io.merx.api.FieldSpec;
import io.merx.api.FieldType;
import io.merx.api.InputSchema;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.ScoringException;
import io.merx.customers.internal.CustomerHistories;
import io.merx.customers.internal.CustomerHistory;
import io.merx.customers.internal.OrderColumns;
import io.merx.customers.internal.OrderDates;

/**
 * Scores a customer with a {@link PropensityModel}. A request names either a {@code customer} of the training data,
 * scored as of the data's end, or posts a customer's order lines as parallel lists ({@code dates}, {@code amounts},
 * optional {@code categories}), scored as of {@code asOf} (default: the last posted date; later lines are
 * ignored). The answer: the calibrated {@code probability} of the target, and {@code reasons}, the features that
 * moved it most. The model is immutable heap data, so scoring is lock-free and there is nothing to free.
 */
final class PropensityScorer implements Scorer {

    static final int MAX_REASONS = 20;
    static final int MAX_LINES = 100_000;

    static final InputSchema SCHEMA = new InputSchema(List.of(
            FieldSpec.optional("customer", FieldType.STRING, "id of a customer of the training data, scored as of "
                    + "the data's end; or post 'dates' and 'amounts' instead"),
            FieldSpec.optional("dates", FieldType.STRING_LIST, "order-line dates yyyy-MM-dd of one customer")
                    .withMaxSize(MAX_LINES),
            FieldSpec.optional("amounts", FieldType.VECTOR, "order-line values, one per date, >= 0")
                    .withMaxSize(MAX_LINES),
            FieldSpec.optional("categories", FieldType.STRING_LIST, "order-line categories, one per date")
                    .withMaxSize(MAX_LINES),
            FieldSpec.optional("asOf", FieldType.STRING, "score as of this date yyyy-MM-dd (posted lines only); "
                    + "default the last posted date"),
            FieldSpec.optional("reasons", FieldType.INTEGER, "reason codes to return, default 3")
                    .withRange(0, MAX_REASONS)), false);

    /** Posted lines have no order ids: one day's lines are one order. */
    private static final OrderColumns POSTED_COLUMNS = new OrderColumns("customer", "date", "amount", "", "",
            "category");

    private final PropensityModel model;
    private volatile boolean closed;

    PropensityScorer(PropensityModel model) {
        this.model = model;
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
        int reasons = (int) request.integer("reasons", 3);
        double[] raw;
        LocalDate asOf;
        if (request.has("customer")) {
            for (String posted : List.of("dates", "amounts", "categories", "asOf")) {
                if (request.has(posted)) {
                    throw new IllegalArgumentException("field '" + posted + "' cannot be combined with 'customer': "
                            + "a known customer is scored from the training data as of " + model.dataEnd());
                }
            }
            String customer = request.text("customer").strip();
            raw = model.customers().get(customer);
            if (raw == null) {
                throw new IllegalArgumentException("field 'customer': unknown customer '" + customer
                        + "'; post their 'dates' and 'amounts' instead");
            }
            asOf = model.dataEnd();
        } else {
            CustomerHistories posted = postedLines(request);
            CustomerHistory history = posted.customers().get(0);
            int asOfDay = request.has("asOf") ? day(request.text("asOf"), "field 'asOf'") : history.lastDay();
            asOf = OrderDates.date(asOfDay);
            raw = BehaviourFeatures.raw(history, asOfDay, posted.categories(), model.categories());
            if (raw == null) {
                throw new IllegalArgumentException("field 'dates': no order line on or before asOf " + asOf);
            }
        }
        List<Object> reasonOutputs = new ArrayList<>();
        for (PropensityModel.Reason reason : model.reasons(raw, reasons)) {
            reasonOutputs.add(reason.asOutput());
        }
        return ScoreResult.builder()
                .put("probability", model.probability(raw))
                .put("target", model.target())
                .put("horizonDays", model.horizonDays())
                .put("asOf", asOf.toString())
                .put("reasons", reasonOutputs)
                .build();
    }

    /** The posted lines as one customer's history, grouped into orders by day like training data without ids. */
    private static CustomerHistories postedLines(ScoreRequest request) {
        if (!request.has("dates") || !request.has("amounts")) {
            throw new IllegalArgumentException("missing field '" + (request.has("dates") ? "amounts" : "dates")
                    + "': a request names a 'customer' or posts 'dates' and 'amounts'");
        }
        List<String> dates = request.texts("dates");
        double[] amounts = request.vector("amounts");
        List<String> categories = request.has("categories") ? request.texts("categories") : null;
        if (dates.isEmpty()) {
            throw new IllegalArgumentException("field 'dates' is empty: post at least one order line");
        }
        if (amounts.length != dates.size()) {
            throw new IllegalArgumentException("field 'amounts' has " + amounts.length + " values for "
                    + dates.size() + " 'dates'");
        }
        if (categories != null && categories.size() != dates.size()) {
            throw new IllegalArgumentException("field 'categories' has " + categories.size() + " values for "
                    + dates.size() + " 'dates'");
        }
        String[] customer = new String[dates.size()];
        String[] category = new String[dates.size()];
        for (int i = 0; i < dates.size(); i++) {
            day(dates.get(i), "field 'dates' element " + (i + 1));
            if (!Double.isFinite(amounts[i]) || amounts[i] < 0) {
                throw new IllegalArgumentException("field 'amounts' element " + (i + 1)
                        + " must be a finite number >= 0, got " + amounts[i]);
            }
            customer[i] = "posted";
            category[i] = categories == null || categories.get(i) == null ? "" : categories.get(i);
        }
        Dataset lines = Dataset.builder().strings("customer", customer)
                .strings("date", dates.toArray(String[]::new)).numbers("amount", amounts)
                .strings("category", category).build();
        return CustomerHistories.from(lines, POSTED_COLUMNS);
    }

    private static int day(String text, String field) {
        try {
            return OrderDates.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(field + " must be an ISO-8601 date such as 2016-11-08, got '"
                    + text + "'");
        }
    }

    @Override
    public void close() {
        closed = true; // heap data only: nothing to free, but a closed scorer answers no more
    }
}
