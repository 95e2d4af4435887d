package io.merx.recommendation.internal;

import java.util.Arrays;

/**
 * The arithmetic of answering queries over {@link ModelData}: dot-product scans with a bounded heap, popularity
 * lists, and folding a user's interactions into a factor vector. Stateless and thread-safe.
 *
 * <p>Scores are computed with a hand-unrolled dot product over the contiguous item-factor array rather than an
 * ND4J gemv: for one query vector the native call and result copy cost more than the arithmetic (measured
 * 2-6x slower on the 2-core reference machine), and the Java loop needs no off-heap buffer per request.
 */
final class Ranker {

    private Ranker() {
    }

    /** Best items by {@code query . row} among {@code rows} (item factors or unit item factors). */
    static void scan(ModelData model, float[] rows, float[] query, Filter filter, TopK top) {
        int k = query.length;
        int[] categoryOf = model.itemCategory;
        if (filter.only() != null) {
            for (int item : filter.only()) {
                if (!filter.isExcluded(item) && filter.categoryAllowed(categoryOf, item)) {
                    top.offer(dot(query, rows, item * k, k), item);
                }
            }
            return;
        }
        scanRange(model, rows, query, filter, top, 0, model.itemCount(), 0);
    }

    /**
     * Best items for several queries at once: the catalogue is walked in blocks that stay in cache while every
     * query scores them, so the item factors stream from memory once per batch instead of once per query.
     */
    static void scanBatch(ModelData model, float[][] queries, Filter[] filters, TopK[] tops) {
        int n = model.itemCount();
        float[] rows = model.factors.items();
        int[] pointers = new int[queries.length];
        for (int from = 0; from < n; from += BATCH_BLOCK) {
            int to = Math.min(n, from + BATCH_BLOCK);
            for (int q = 0; q < queries.length; q++) {
                pointers[q] = scanRange(model, rows, queries[q], filters[q], tops[q], from, to, pointers[q]);
            }
        }
    }

    /** Items per block of {@link #scanBatch}: 2048 x rank floats, well inside a core's L2 cache. */
    private static final int BATCH_BLOCK = 2048;

    /**
     * Scans items {@code from..to-1}; {@code pointer} is the position in the sorted exclusion list reached so
     * far, and the new position is returned.
     */
    private static int scanRange(ModelData model, float[] rows, float[] query, Filter filter, TopK top, int from,
            int to, int pointer) {
        int k = query.length;
        int[] categoryOf = model.itemCategory;
        int[] excluded = filter.excluded();
        boolean[] categories = filter.categories();
        int e = pointer;
        float threshold = top.threshold();
        for (int item = from; item < to; item++) {
            if (e < excluded.length && excluded[e] == item) {
                e++;
                continue;
            }
            if (categories != null) {
                int c = categoryOf[item];
                if (c < 0 || !categories[c]) {
                    continue;
                }
            }
            float s = dot(query, rows, item * k, k);
            if (s >= threshold) {
                top.offer(s, item);
                threshold = top.threshold();
            }
        }
        return e;
    }

    /**
     * An item-item model's scores for a user with these items: the sum of their neighbour rows. Items the rows do
     * not reach score 0.
     */
    static float[] itemScores(ModelData model, int[] items, int count) {
        float[] scores = new float[model.itemCount()];
        for (int i = 0; i < count; i++) {
            model.neighbours.accumulate(items[i], scores);
        }
        return scores;
    }

    /**
     * Best items by precomputed scores. A tiny popularity share breaks ties, so items no neighbour row reaches
     * (score 0) come in order of popularity rather than of index: that fills the lists of users with few items.
     */
    static void scanScores(ModelData model, float[] scores, Filter filter, TopK top) {
        float tie = TIE_BREAK / model.maxPopularity;
        if (filter.only() != null) {
            for (int item : filter.only()) {
                if (!filter.isExcluded(item) && filter.categoryAllowed(model.itemCategory, item)) {
                    top.offer(scores[item] + tie * model.popularity[item], item);
                }
            }
            return;
        }
        int[] excluded = filter.excluded();
        int e = 0;
        for (int item = 0; item < scores.length; item++) {
            if (e < excluded.length && excluded[e] == item) {
                e++;
                continue;
            }
            if (filter.categoryAllowed(model.itemCategory, item)) {
                top.offer(scores[item] + tie * model.popularity[item], item);
            }
        }
    }

    /** Weight of popularity in {@link #scanScores}: below any similarity or EASE weight that matters. */
    private static final float TIE_BREAK = 1e-5f;

    /** Most popular items passing the filter; scores are popularity relative to the most popular item. */
    static void popular(ModelData model, Filter filter, TopK top, int k) {
        popular(model, OnlineBoost.Popularity.trained(model), filter, top, k);
    }

    /**
     * Most popular items passing the filter, online counts included: the boosted items are offered first, then
     * the trained order is walked only until its popularity falls below the list's worst score, since the rest
     * (not boosted) cannot score higher.
     */
    static void popular(ModelData model, OnlineBoost.Popularity popularity, Filter filter, TopK top, int k) {
        if (filter.only() != null) {
            for (int item : filter.only()) {
                if (!filter.isExcluded(item) && filter.categoryAllowed(model.itemCategory, item)) {
                    top.offer(popularity.of(item), item);
                }
            }
            return;
        }
        int[] boosted = popularity.boost().items();
        for (int item : boosted) {
            if (!filter.isExcluded(item) && filter.categoryAllowed(model.itemCategory, item)) {
                top.offer(popularity.of(item), item);
            }
        }
        int[] order = model.popularityOrder;
        for (int i = 0; i < order.length; i++) {
            int item = order[i];
            float score = model.popularity[item] / popularity.max();
            if (top.size() >= k && (boosted.length == 0 || score <= top.threshold())) {
                break;
            }
            if (boosted.length > 0 && Arrays.binarySearch(boosted, item) >= 0) {
                continue;
            }
            if (!filter.isExcluded(item) && filter.categoryAllowed(model.itemCategory, item)) {
                top.offer(score, item);
            }
        }
    }

    static float popularity(ModelData model, int item) {
        return model.popularity[item] / model.maxPopularity;
    }

    static float dot(float[] q, float[] rows, int off, int k) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < k; i += 4) {
            s0 += q[i] * rows[off + i];
            s1 += q[i + 1] * rows[off + i + 1];
            s2 += q[i + 2] * rows[off + i + 2];
            s3 += q[i + 3] * rows[off + i + 3];
        }
        for (; i < k; i++) {
            s0 += q[i] * rows[off + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    static float[] row(float[] rows, int index, int k) {
        float[] out = new float[k];
        System.arraycopy(rows, index * k, out, 0, k);
        return out;
    }

    /**
     * Solves a user's factor from item factors and the user's interactions, exactly as one ALS half-step does
     * for a training user: {@code (Y^T Y + Y^T (C - I) Y + lambda I) x = Y^T C p}.
     */
    static float[] foldIn(ModelData model, int[] items, float[] weights, int count) {
        int k = model.rank();
        float[] y = model.factors.items();
        double[] a = model.itemGram.clone();
        double[] b = new double[k];
        for (int p = 0; p < count; p++) {
            int off = items[p] * k;
            double c = 1 + model.alpha * weights[p];
            for (int i = 0; i < k; i++) {
                double yi = y[off + i];
                b[i] += c * yi;
                double s = (c - 1) * yi;
                for (int j = 0; j <= i; j++) {
                    a[i * k + j] += s * y[off + j];
                }
            }
        }
        double lambda = model.scaleRegularisation ? model.regularisation * count : model.regularisation;
        for (int i = 0; i < k; i++) {
            a[i * k + i] += lambda;
        }
        if (lambda == 0) {
            SmallSolver.ridge(a, k, 1e-9);
        }
        SmallSolver.solve(a, b, k);
        float[] x = new float[k];
        for (int i = 0; i < k; i++) {
            x[i] = (float) b[i];
        }
        return x;
    }
}
