package io.merx.recommendation.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything a scorer needs, immutable and on the heap: ids, item categories and popularity, each user's
 * training items (for "unseen only" and fold-in) and the learned part: factors (ALS), item neighbours (item-kNN,
 * EASE) or none (popularity). Derived arrays (normalised item factors, the item Gram matrix, the popularity
 * order) are computed once here.
 */
final class ModelData {

    final String[] userIds;
    final String[] itemIds;
    final int[] itemCategory;
    final String[] categories;
    /** Distinct users per item in the training data. */
    final int[] popularity;
    /** Training items of user {@code u}: {@code seenItems[seenPtr[u] .. seenPtr[u+1]-1]}, sorted ascending. */
    final int[] seenPtr;
    final int[] seenItems;
    final float[] seenWeights;
    /** Null for the popularity kind. */
    final Factors factors;
    final double alpha;
    final double regularisation;
    final boolean scaleRegularisation;
    /** Null unless an item-item model (item-kNN, EASE). */
    final ItemNeighbours neighbours;
    /** What ranks a known user's list: {@link Method}'s names; the answer's {@code source}. */
    final String method;
    /**
     * Users with fewer known items than this get the popularity list: chosen on validation by the automatic
     * kind where the model is no better than popularity for them; 0 for every other kind.
     */
    final int fallbackBelow;
    /** Null unless the sequential kind: then {@code factors} hold the users' encodings and the item embeddings. */
    final SequenceModel sequence;
    /** Approximate top-K over the item factors of a large catalogue; null: queries scan exactly. */
    final AnnIndex ann;

    final Map<String, Integer> userIndex;
    final Map<String, Integer> itemIndex;
    final Map<String, Integer> categoryIndex;
    /** Items by descending popularity, ties by index. */
    final int[] popularityOrder;
    final float maxPopularity;
    /** Item factors scaled to unit length (zero rows stay zero), for cosine similarity. */
    final float[] unitItems;
    /** {@code Y^T Y}, for folding in users at query time. */
    final double[] itemGram;

    ModelData(String[] userIds, String[] itemIds, int[] itemCategory, String[] categories, int[] popularity,
            int[] seenPtr, int[] seenItems, float[] seenWeights, Factors factors, double alpha,
            double regularisation, boolean scaleRegularisation) {
        this(userIds, itemIds, itemCategory, categories, popularity, seenPtr, seenItems, seenWeights, factors, alpha,
                regularisation, scaleRegularisation, null, factors == null ? Method.POPULARITY : Method.ALS, 0);
    }

    ModelData(String[] userIds, String[] itemIds, int[] itemCategory, String[] categories, int[] popularity,
            int[] seenPtr, int[] seenItems, float[] seenWeights, Factors factors, double alpha,
            double regularisation, boolean scaleRegularisation, ItemNeighbours neighbours, String method,
            int fallbackBelow) {
        this(userIds, itemIds, itemCategory, categories, popularity, seenPtr, seenItems, seenWeights, factors, alpha,
                regularisation, scaleRegularisation, neighbours, method, fallbackBelow, null, null);
    }

    ModelData(String[] userIds, String[] itemIds, int[] itemCategory, String[] categories, int[] popularity,
            int[] seenPtr, int[] seenItems, float[] seenWeights, Factors factors, double alpha,
            double regularisation, boolean scaleRegularisation, ItemNeighbours neighbours, String method,
            int fallbackBelow, SequenceModel sequence, AnnIndex ann) {
        this.userIds = userIds;
        this.itemIds = itemIds;
        this.itemCategory = itemCategory;
        this.categories = categories;
        this.popularity = popularity;
        this.seenPtr = seenPtr;
        this.seenItems = seenItems;
        this.seenWeights = seenWeights;
        this.factors = factors;
        this.alpha = alpha;
        this.regularisation = regularisation;
        this.scaleRegularisation = scaleRegularisation;
        this.neighbours = neighbours;
        this.method = method;
        this.fallbackBelow = fallbackBelow;
        this.sequence = sequence;
        this.ann = ann;
        this.userIndex = index(userIds);
        this.itemIndex = index(itemIds);
        this.categoryIndex = index(categories);
        this.popularityOrder = popularityOrder(popularity);
        int max = 1;
        for (int p : popularity) {
            max = Math.max(max, p);
        }
        this.maxPopularity = max;
        this.unitItems = factors == null ? null : unitRows(factors.items(), factors.rank());
        this.itemGram = factors == null ? null : gram(factors.items(), factors.rank());
    }

    /** Model data from (training) interactions and optional factors. */
    static ModelData of(Interactions data, Factors factors, double alpha, double regularisation,
            boolean scaleRegularisation) {
        return new ModelData(data.userIds, data.itemIds, data.itemCategory, data.categories, data.itemDegrees(),
                data.userPtr, data.items, data.weights, factors, alpha, regularisation, scaleRegularisation);
    }

    /** Model data of an item-item model learned from (training) interactions. */
    static ModelData of(Interactions data, ItemNeighbours neighbours, String method) {
        return new ModelData(data.userIds, data.itemIds, data.itemCategory, data.categories, data.itemDegrees(),
                data.userPtr, data.items, data.weights, null, 0, 0, false, neighbours, method, 0);
    }

    /** Model data of the sequential kind: encodings and item embeddings as factors, plus the network. */
    static ModelData of(Interactions data, Factors factors, SequenceModel sequence) {
        return new ModelData(data.userIds, data.itemIds, data.itemCategory, data.categories, data.itemDegrees(),
                data.userPtr, data.items, data.weights, factors, 0, 0, false, null, Method.SEQUENTIAL, 0, sequence, null);
    }

    /** The same model answering users with fewer than {@code threshold} known items from popularity. */
    ModelData withFallbackBelow(int threshold) {
        return new ModelData(userIds, itemIds, itemCategory, categories, popularity, seenPtr, seenItems, seenWeights,
                factors, alpha, regularisation, scaleRegularisation, neighbours, method, threshold, sequence, ann);
    }

    /** The same model answering top-K queries from {@code index}. */
    ModelData withAnn(AnnIndex index) {
        return new ModelData(userIds, itemIds, itemCategory, categories, popularity, seenPtr, seenItems, seenWeights,
                factors, alpha, regularisation, scaleRegularisation, neighbours, method, fallbackBelow, sequence,
                index);
    }

    /** True when known users are ranked by something other than popularity. */
    boolean personal() {
        return factors != null || neighbours != null;
    }

    int itemCount() {
        return itemIds.length;
    }

    int rank() {
        return factors == null ? 0 : factors.rank();
    }

    private static Map<String, Integer> index(String[] ids) {
        Map<String, Integer> map = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            map.put(ids[i], i);
        }
        return map;
    }

    private static int[] popularityOrder(int[] popularity) {
        long[] keys = new long[popularity.length];
        for (int i = 0; i < popularity.length; i++) {
            keys[i] = ((long) (Integer.MAX_VALUE - popularity[i]) << 32) | i;
        }
        Arrays.sort(keys);
        int[] order = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            order[i] = (int) keys[i];
        }
        return order;
    }

    private static float[] unitRows(float[] rows, int k) {
        float[] unit = new float[rows.length];
        for (int r = 0; r < rows.length / k; r++) {
            double norm = 0;
            for (int i = 0; i < k; i++) {
                norm += (double) rows[r * k + i] * rows[r * k + i];
            }
            if (norm > 0) {
                float scale = (float) (1 / Math.sqrt(norm));
                for (int i = 0; i < k; i++) {
                    unit[r * k + i] = rows[r * k + i] * scale;
                }
            }
        }
        return unit;
    }

    private static double[] gram(float[] rows, int k) {
        double[] g = new double[k * k];
        for (int r = 0; r < rows.length / k; r++) {
            int off = r * k;
            for (int i = 0; i < k; i++) {
                double v = rows[off + i];
                for (int j = 0; j <= i; j++) {
                    g[i * k + j] += v * rows[off + j];
                }
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                g[j * k + i] = g[i * k + j];
            }
        }
        return g;
    }
}
