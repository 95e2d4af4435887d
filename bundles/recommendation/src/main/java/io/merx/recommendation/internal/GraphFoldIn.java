package io.merx.recommendation.internal;

/**
 * The query vector of a LightGCN user with interactions the graph did not see (request {@code recentItems}, the
 * activity store): the mean of the final embeddings of all their items. It is LightGCN's own first-layer rule for
 * a user node without a trained embedding, up to a scale that does not change the ranking; unlike ALS's fold-in
 * there is no loss to solve.
 */
final class GraphFoldIn {

    private GraphFoldIn() {
    }

    static float[] of(ModelData model, int[] items, int count) {
        int k = model.rank();
        float[] y = model.factors.items();
        float[] x = new float[k];
        for (int p = 0; p < count; p++) {
            int off = items[p] * k;
            for (int i = 0; i < k; i++) {
                x[i] += y[off + i];
            }
        }
        for (int i = 0; i < k; i++) {
            x[i] /= count;
        }
        return x;
    }
}
