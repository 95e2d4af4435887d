package io.merx.recommendation.internal;

/** Names of what ranks a recommendation: stored in the model files and answered as {@code source}. */
final class Method {

    static final String ALS = "als";
    static final String ITEM_KNN = "itemknn";
    static final String EASE = "ease";
    /** LightGCN embeddings, scored like ALS factors. */
    static final String GRAPH = "graph";
    static final String POPULARITY = "popularity";
    static final String SEQUENTIAL = "sequential";

    private Method() {
    }
}
