package io.merx.search.internal;

import java.util.List;
import java.util.Locale;

import io.merx.api.FieldSpec;
import io.merx.api.FieldType;
import io.merx.api.InputSchema;
import io.merx.api.ScoreRequest;

/**
 * A parsed, validated search request. Filter fields are the recommendation kinds' ({@code categories},
 * {@code include}, {@code exclude}, {@code unavailable}); products marked unavailable in the catalogue are never
 * returned either.
 *
 * @param query what the shopper typed, not blank
 * @param k most products to return
 * @param mode which signals rank
 * @param categories if not empty, only products of these categories
 * @param include if not empty, the only products that may be returned
 * @param exclude products never returned
 * @param unavailable products that cannot be sold now, never returned
 */
record SearchRequest(String query, int k, Mode mode, List<String> categories, List<String> include,
        List<String> exclude, List<String> unavailable) {

    /** Which signals rank the answer. */
    enum Mode {
        /** BM25 and embeddings, fused by rank; the default of a model trained with embeddings. */
        HYBRID,
        /** BM25 alone; the default (and only mode) of a model trained without embeddings. */
        BM25,
        /** Embeddings alone. */
        SEMANTIC;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final int DEFAULT_K = 10;
    static final int MAX_K = 1000;
    static final int MAX_QUERY = 2000;
    static final int MAX_LIST = 10_000;

    static final InputSchema SCHEMA = InputSchema.of(
            FieldSpec.required("query", FieldType.STRING, "what the shopper typed").withMaxSize(MAX_QUERY),
            FieldSpec.optional("k", FieldType.INTEGER, "most products to return, default 10").withRange(1, MAX_K),
            FieldSpec.optional("mode", FieldType.STRING, "hybrid (default with embeddings) | bm25 | semantic"),
            FieldSpec.optional("categories", FieldType.STRING_LIST, "if given, only products of these categories")
                    .withMaxSize(MAX_LIST),
            FieldSpec.optional("include", FieldType.STRING_LIST, "if given, the only products that may be returned")
                    .withMaxSize(MAX_LIST),
            FieldSpec.optional("exclude", FieldType.STRING_LIST, "products never to return").withMaxSize(MAX_LIST),
            FieldSpec.optional("unavailable", FieldType.STRING_LIST, "products that cannot be sold now")
                    .withMaxSize(MAX_LIST));

    /**
     * Reads and checks a request.
     *
     * @param embedded whether the model has embeddings (otherwise only {@code bm25} is possible)
     * @throws IllegalArgumentException naming the field that is missing, blank, of the wrong type or out of range
     */
    static SearchRequest parse(ScoreRequest request, boolean embedded) {
        SCHEMA.validate(request.inputs());
        String query = request.text("query");
        if (query.isBlank()) {
            throw new IllegalArgumentException("field 'query' must not be blank");
        }
        String modeText = request.text("mode", embedded ? "hybrid" : "bm25");
        Mode mode;
        try {
            mode = Mode.valueOf(modeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field 'mode' must be one of hybrid, bm25, semantic, got '"
                    + modeText + "'");
        }
        if (mode != Mode.BM25 && !embedded) {
            throw new IllegalArgumentException("field 'mode' is '" + mode.label() + "' but this model was trained "
                    + "without sentence embeddings: only 'bm25' is possible");
        }
        return new SearchRequest(query, (int) request.integer("k", DEFAULT_K), mode, request.texts("categories"),
                request.texts("include"), request.texts("exclude"), request.texts("unavailable"));
    }
}
