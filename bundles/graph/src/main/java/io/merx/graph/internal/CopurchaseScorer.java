package io.merx.graph.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.merx.api.FieldSpec;
import io.merx.api.FieldType;
import io.merx.api.InputSchema;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.ScoringException;

/**
 * "Customers who bought X also bought" and "frequently bought together" from a {@link CopurchaseModel}:
 * immutable heap data, so scoring is lock-free; close only makes later calls fail.
 */
final class CopurchaseScorer implements Scorer {

    static final InputSchema SCHEMA = InputSchema.of(
            FieldSpec.optional("product", FieldType.STRING, "product id (this or 'products' is required)"),
            new FieldSpec("products", FieldType.STRING_LIST, false, "basket of product ids", Double.NEGATIVE_INFINITY,
                    Double.POSITIVE_INFINITY, -1_000),
            FieldSpec.optional("limit", FieldType.INTEGER, "how many products to return (default 10)").withRange(1, 100),
            FieldSpec.optional("category", FieldType.STRING, "only recommend products of this category"),
            FieldSpec.optional("crossCategory", FieldType.BOOLEAN,
                    "only recommend products of another category than the product they go with (complements)"));

    private final CopurchaseModel model;
    private volatile boolean closed;

    CopurchaseScorer(CopurchaseModel model) {
        this.model = model;
    }

    @Override
    public InputSchema inputSchema() {
        return SCHEMA;
    }

    @Override
    public ScoreResult score(ScoreRequest request) throws ScoringException {
        Set<String> asked = new LinkedHashSet<>(request.texts("products"));
        if (request.has("product")) {
            asked.add(request.text("product"));
        }
        if (asked.isEmpty()) {
            throw new IllegalArgumentException("missing field 'product' (or a non-empty 'products')");
        }
        int limit = (int) request.integer("limit", 10);
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("field 'limit' must be between 1 and 100, got " + limit);
        }
        String category = request.text("category", null);
        boolean cross = request.flag("crossCategory", false);
        if (closed) {
            throw new ScoringException("scorer is closed");
        }
        List<String> unknown = new ArrayList<>();
        int[] query = asked.stream().mapToInt(p -> {
            Integer i = model.indexOf(p);
            if (i == null) {
                unknown.add(p);
                return -1;
            }
            return i;
        }).filter(i -> i >= 0).toArray();
        List<Object> items = new ArrayList<>();
        for (CopurchaseModel.Match m : model.recommend(query, limit, category, cross)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("product", model.products[m.product()]);
            item.put("category", categoryOf(m.product()));
            item.put("score", m.score());
            item.put("lift", model.lift(m.because(), m.product(), m.count()));
            item.put("confidence", model.confidence(m.because(), m.count()));
            item.put("support", (double) m.count() / model.baskets);
            item.put("count", m.count());
            item.put("with", model.products[m.because()]);
            items.add(item);
        }
        boolean fallback = items.isEmpty();
        if (fallback) {
            // Nothing known bought together: the most frequent products, as a shop would show.
            for (int i : model.popular(limit, category, query)) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("product", model.products[i]);
                item.put("category", categoryOf(i));
                item.put("score", (double) model.support[i] / model.baskets);
                item.put("support", (double) model.support[i] / model.baskets);
                item.put("count", model.support[i]);
                items.add(item);
            }
        }
        return ScoreResult.builder().put("items", items).put("fallback", fallback).put("unknown", unknown).build();
    }

    private String categoryOf(int product) {
        String category = model.categories[product];
        return category == null ? "" : category;
    }

    @Override
    public void close() {
        closed = true;
    }
}
