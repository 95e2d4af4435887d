package io.merx.recommendation.internal;

import java.util.List;

import io.merx.api.FieldSpec;
import io.merx.api.FieldType;
import io.merx.api.InputSchema;
import io.merx.api.ScoreRequest;

/**
 * A parsed, validated request. One kind answers three operations, chosen by the {@code op} field:
 * {@code recommend} (top-K items for a user, the default), {@code similar} (items like an item) and
 * {@code score} (scores for given items of one user).
 *
 * @param op the operation
 * @param user user id, or null
 * @param item item id for {@code similar}, or null
 * @param items items to score for {@code score}
 * @param k list length
 * @param unseenOnly leave out the user's training items and recent items
 * @param recentItems interactions not yet in the model, folded in at query time
 * @param unavailable items that cannot be sold now (out of stock)
 * @param include if not empty, the only items that may be returned (whitelist)
 * @param exclude items never returned (blacklist)
 * @param categories if not empty, only items of these categories
 * @param fresh use the user's events since training ({@link RecentActivity}); default true
 */
record RecommendRequest(String op, String user, String item, List<String> items, int k, boolean unseenOnly,
        List<String> recentItems, List<String> unavailable, List<String> include, List<String> exclude,
        List<String> categories, boolean fresh) {

    static final String RECOMMEND = "recommend";
    static final String SIMILAR = "similar";
    static final String SCORE = "score";
    static final int DEFAULT_K = 10;
    static final int MAX_K = 1000;
    /** Longest list accepted in one request field. */
    static final int MAX_LIST = 10_000;

    static final InputSchema SCHEMA = InputSchema.of(
            FieldSpec.optional("op", FieldType.STRING, "recommend (default) | similar | score"),
            FieldSpec.optional("user", FieldType.STRING, "user id (recommend, score; optional for similar)"),
            FieldSpec.optional("item", FieldType.STRING, "item id (similar)"),
            list("items", "items to score (score)"),
            FieldSpec.optional("k", FieldType.INTEGER, "list length, default 10").withRange(1, MAX_K),
            FieldSpec.optional("unseenOnly", FieldType.BOOLEAN,
                    "leave out items the user already interacted with, default true"),
            list("recentItems", "recent interactions not yet in the model, folded in at query time"),
            list("unavailable", "items that cannot be sold now"),
            list("include", "if given, the only items that may be returned"),
            list("exclude", "items never to return"),
            list("categories", "if given, only items of these categories"),
            FieldSpec.optional("fresh", FieldType.BOOLEAN,
                    "use the user's events since training (fold-in, recent purchases left out, online popularity),"
                            + " default true"));

    private static FieldSpec list(String name, String description) {
        return new FieldSpec(name, FieldType.STRING_LIST, false, description, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, -MAX_LIST);
    }

    /**
     * Reads and checks a request.
     *
     * @throws IllegalArgumentException naming the field that is missing, of the wrong type or out of range
     */
    static RecommendRequest parse(ScoreRequest request) {
        for (String field : request.inputs().keySet()) {
            if (SCHEMA.field(field) == null) {
                throw new IllegalArgumentException("unknown field '" + field + "'; expected one of "
                        + SCHEMA.fields().stream().map(FieldSpec::name).toList());
            }
        }
        String op = request.text("op", RECOMMEND);
        if (!op.equals(RECOMMEND) && !op.equals(SIMILAR) && !op.equals(SCORE)) {
            throw new IllegalArgumentException("field 'op' must be one of recommend, similar, score, got '" + op + "'");
        }
        long k = request.integer("k", DEFAULT_K);
        if (k < 1 || k > MAX_K) {
            throw new IllegalArgumentException("field 'k' must be between 1 and " + MAX_K + ", got " + k);
        }
        String user = request.text("user", null);
        String item = request.text("item", null);
        List<String> recent = texts(request, "recentItems");
        List<String> items = texts(request, "items");
        switch (op) {
            case SIMILAR -> {
                if (item == null) {
                    throw new IllegalArgumentException("field 'item' is required for op 'similar'");
                }
            }
            case SCORE -> {
                if (items.isEmpty()) {
                    throw new IllegalArgumentException("field 'items' must list at least one item for op 'score'");
                }
                requireUser(user, recent, op);
            }
            default -> requireUser(user, recent, op);
        }
        return new RecommendRequest(op, user, item, items, (int) k, request.flag("unseenOnly", true), recent,
                texts(request, "unavailable"), texts(request, "include"), texts(request, "exclude"),
                texts(request, "categories"), request.flag("fresh", true));
    }

    private static void requireUser(String user, List<String> recent, String op) {
        if (user == null && recent.isEmpty()) {
            throw new IllegalArgumentException("field 'user' (or 'recentItems') is required for op '" + op + "'");
        }
    }

    private static List<String> texts(ScoreRequest request, String field) {
        List<String> values = request.texts(field);
        if (values.size() > MAX_LIST) {
            throw new IllegalArgumentException("field '" + field + "' is too long: " + values.size() + " > " + MAX_LIST);
        }
        return values;
    }
}
