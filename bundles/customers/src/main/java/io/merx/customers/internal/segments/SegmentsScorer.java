package io.merx.customers.internal.segments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.merx.api.FieldSpec;
import io.merx.api.FieldType;
import io.merx.api.InputSchema;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.ScoringException;

/**
 * Answers "which segment is this customer in?". A request names a customer of the training data
 * ({@code {"customer": "C00042"}}: the segment found at training, and the customer's features), or describes a
 * new customer by the four base features and optionally the spend per category
 * ({@code {"recencyDays": 12, "orders": 5, "meanOrderAmount": 80, "tenureDays": 300, "categorySpend": {"home":
 * 250}}}: the segment of the nearest centroid). The model is plain heap data, read-only: no lock, nothing to free.
 */
final class SegmentsScorer implements Scorer {

    static final String CUSTOMER = "customer";
    static final String CATEGORY_SPEND = "categorySpend";

    static final InputSchema SCHEMA = new InputSchema(List.of(
            FieldSpec.optional(CUSTOMER, FieldType.STRING, "a customer of the training data"),
            FieldSpec.optional(RfmFeatures.RECENCY, FieldType.NUMBER, "new customer: days since the last order")
                    .withRange(0, 1e6),
            FieldSpec.optional(RfmFeatures.FREQUENCY, FieldType.NUMBER, "new customer: number of orders")
                    .withRange(1, 1e9),
            FieldSpec.optional(RfmFeatures.MONETARY, FieldType.NUMBER, "new customer: mean order amount")
                    .withRange(0, 1e12),
            FieldSpec.optional(RfmFeatures.TENURE, FieldType.NUMBER, "new customer: days since the first order")
                    .withRange(0, 1e6),
            FieldSpec.optional(CATEGORY_SPEND, FieldType.OBJECT,
                    "new customer: amount spent per category (categories the model lacks count in the total)")),
            false);

    private final SegmentModel model;
    private volatile boolean closed;

    SegmentsScorer(SegmentModel model) {
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
        boolean known = request.has(CUSTOMER);
        double[] features = known ? member(request) : described(request);
        Segment segment = known ? model.segment(model.members().get(request.text(CUSTOMER)).segment())
                : model.assign(features);
        Map<String, Object> named = new LinkedHashMap<>();
        List<String> names = RfmFeatures.names(model.categories());
        for (int j = 0; j < features.length; j++) {
            named.put(names.get(j), features[j]);
        }
        return ScoreResult.builder()
                .put("segment", Integer.valueOf(segment.id()))
                .put("label", segment.label())
                .put("description", segment.description())
                .put("share", (double) segment.size() / model.customerCount())
                .put("knownCustomer", known)
                .put("features", named)
                .build();
    }

    private double[] member(ScoreRequest request) {
        for (String field : RfmFeatures.BASE) {
            if (request.has(field)) {
                throw new IllegalArgumentException("give either 'customer' or the features of a new customer, not"
                        + " both (got 'customer' and '" + field + "')");
            }
        }
        String id = request.text(CUSTOMER);
        SegmentModel.Member member = model.members().get(id);
        if (member == null) {
            throw new IllegalArgumentException("customer '" + id + "' is not in this model's training data; describe"
                    + " a new customer by " + String.join(", ", RfmFeatures.BASE) + " instead");
        }
        return member.features();
    }

    private double[] described(ScoreRequest request) {
        for (String field : RfmFeatures.BASE) {
            if (!request.has(field)) {
                throw new IllegalArgumentException("missing field '" + field + "': send 'customer' (a customer of"
                        + " the training data) or all of " + String.join(", ", RfmFeatures.BASE));
            }
        }
        double recency = request.number(RfmFeatures.RECENCY);
        double tenure = request.number(RfmFeatures.TENURE);
        if (tenure < recency) {
            throw new IllegalArgumentException("field '" + RfmFeatures.TENURE + "' (" + tenure
                    + ") must be at least recencyDays (" + recency + "): the first order comes before the last");
        }
        return RfmFeatures.of(recency, request.number(RfmFeatures.FREQUENCY), request.number(RfmFeatures.MONETARY),
                tenure, model.categories(), categorySpend(request));
    }

    private static Map<String, Double> categorySpend(ScoreRequest request) {
        Map<String, Double> spend = new LinkedHashMap<>();
        if (!request.has(CATEGORY_SPEND)) {
            return spend;
        }
        Object value = request.inputs().get(CATEGORY_SPEND);
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("field '" + CATEGORY_SPEND + "' must be an object of category: amount");
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String path = CATEGORY_SPEND + "." + e.getKey();
            if (!(e.getValue() instanceof Number n) || !Double.isFinite(n.doubleValue()) || n.doubleValue() < 0) {
                throw new IllegalArgumentException("field '" + path + "' must be a number >= 0, got " + e.getValue());
            }
            spend.put(String.valueOf(e.getKey()), n.doubleValue());
        }
        return spend;
    }

    @Override
    public List<ScoreResult> scoreBatch(List<ScoreRequest> requests) throws ScoringException {
        List<ScoreResult> results = new ArrayList<>(requests.size());
        for (ScoreRequest request : requests) {
            results.add(score(request));
        }
        return results;
    }

    @Override
    public void close() {
        closed = true;
    }
}
