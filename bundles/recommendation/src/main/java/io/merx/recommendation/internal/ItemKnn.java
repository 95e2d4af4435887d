package io.merx.recommendation.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.merx.api.HyperParameters;
import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;

/**
 * Item-item cosine similarity with shrinkage (Sarwar et al. 2001; shrinkage as in Koren 2008):
 * {@code sim(i, j) = |U_i ∩ U_j| / (sqrt(|U_i|) sqrt(|U_j|) + shrinkage)}, on binary interactions, keeping each
 * item's {@code neighbours} most similar items. Shrinkage pulls similarities resting on few shared users
 * towards 0, which matters most on sparse purchase data.
 *
 * @param neighbours similar items kept per item
 * @param shrinkage added to the cosine's denominator
 */
record ItemKnn(int neighbours, double shrinkage) implements Learner {

    ItemKnn {
        if (neighbours < 1) {
            throw new IllegalArgumentException("hyper-parameter 'neighbours' must be at least 1, got " + neighbours);
        }
        if (!(shrinkage >= 0) || Double.isInfinite(shrinkage)) {
            throw new IllegalArgumentException("hyper-parameter 'shrinkage' must be a finite number >= 0, got "
                    + shrinkage);
        }
    }

    static ItemKnn of(HyperParameters hp) {
        return new ItemKnn(hp.getInt("neighbours"), hp.getDouble("shrinkage"));
    }

    @Override
    public ModelData fit(Interactions data, TrainingContext context) throws TrainingException {
        int n = data.itemCount();
        Interactions.ItemMajor byItem = data.itemMajor();
        int[] degree = data.itemDegrees();
        int[][] rowItems = new int[n][];
        float[][] rowWeights = new float[n][];
        AtomicInteger done = new AtomicInteger();
        int chunk = 256;
        try {
            IntStream.range(0, (n + chunk - 1) / chunk).parallel().forEach(c -> {
                CoOccurrence co = new CoOccurrence(data, byItem);
                for (int i = c * chunk; i < Math.min(n, (c + 1) * chunk); i++) {
                    if (context.isCancelled()) {
                        throw new Cancelled();
                    }
                    co.countRow(i);
                    TopK top = new TopK(neighbours);
                    for (int t = 0; t < co.touchedCount(); t++) {
                        int j = co.touched(t);
                        if (j != i) {
                            top.offer((float) (co.count(j) / (Math.sqrt(degree[i]) * Math.sqrt(degree[j])
                                    + shrinkage)), j);
                        }
                    }
                    sortedRow(top, rowItems, rowWeights, i);
                }
                int finished = done.addAndGet(chunk);
                context.progress(Math.min(1.0, (double) finished / n),
                        String.format(Locale.ROOT, "item-kNN: %d/%d items", Math.min(finished, n), n));
            });
        } catch (Cancelled e) {
            throw new TrainingException("training cancelled while computing item similarities");
        }
        return ModelData.of(data, csr(rowItems, rowWeights), Method.ITEM_KNN);
    }

    /** Stores the list as a row sorted by item, as {@link ItemNeighbours} wants. */
    static void sortedRow(TopK top, int[][] rowItems, float[][] rowWeights, int row) {
        int size = top.size();
        int[] items = new int[size];
        float[] weights = new float[size];
        top.drainBestFirst(items, weights);
        long[] keys = new long[size];
        for (int t = 0; t < size; t++) {
            keys[t] = ((long) items[t] << 32) | t;
        }
        Arrays.sort(keys);
        rowItems[row] = new int[size];
        rowWeights[row] = new float[size];
        for (int t = 0; t < size; t++) {
            rowItems[row][t] = (int) (keys[t] >>> 32);
            rowWeights[row][t] = weights[(int) keys[t]];
        }
    }

    static ItemNeighbours csr(int[][] rowItems, float[][] rowWeights) {
        int n = rowItems.length;
        int[] ptr = new int[n + 1];
        for (int i = 0; i < n; i++) {
            ptr[i + 1] = ptr[i] + rowItems[i].length;
        }
        int[] items = new int[ptr[n]];
        float[] weights = new float[ptr[n]];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rowItems[i], 0, items, ptr[i], rowItems[i].length);
            System.arraycopy(rowWeights[i], 0, weights, ptr[i], rowWeights[i].length);
        }
        return new ItemNeighbours(ptr, items, weights);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "itemknn neighbours=%d shrinkage=%s", neighbours, shrinkage);
    }

    /** Unwinds a parallel stream when the job is cancelled. */
    static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super(null, null, false, false);
        }
    }
}
