package io.merx.graph.internal;

import java.util.Arrays;
import java.util.List;

/**
 * How often each product, and each pair of products, occurs in the same basket: an open-addressing map from
 * the packed pair (i < j) to its count, sized for millions of pairs without boxing.
 */
final class PairCounts {

    private static final long EMPTY = -1L;

    final int baskets;
    final int[] single;
    private long[] keys;
    private int[] values;
    private int size;

    private PairCounts(int products, int baskets) {
        this.baskets = baskets;
        this.single = new int[products];
        this.keys = new long[1 << 12];
        this.values = new int[keys.length];
        Arrays.fill(keys, EMPTY);
    }

    /** Counts the given baskets, each a sorted array of distinct product indices. */
    static PairCounts count(int products, List<int[]> baskets) {
        PairCounts counts = new PairCounts(products, baskets.size());
        for (int[] basket : baskets) {
            for (int a = 0; a < basket.length; a++) {
                counts.single[basket[a]]++;
                for (int b = a + 1; b < basket.length; b++) {
                    counts.increment(((long) basket[a] << 32) | basket[b]);
                }
            }
        }
        return counts;
    }

    private void increment(long key) {
        if (size * 2 >= keys.length) {
            grow();
        }
        int slot = slot(key, keys.length);
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & (keys.length - 1);
        }
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            size++;
        }
        values[slot]++;
    }

    private static int slot(long key, int length) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & (length - 1);
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[keys.length];
        Arrays.fill(keys, EMPTY);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slot(oldKeys[i], keys.length);
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & (keys.length - 1);
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    /** Distinct pairs seen. */
    int pairs() {
        return size;
    }

    /** Calls the visitor for each pair (i < j) with its count, in no particular order. */
    void forEach(PairVisitor visitor) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                visitor.visit((int) (keys[i] >>> 32), (int) keys[i], values[i]);
            }
        }
    }

    /** Receives one pair. */
    interface PairVisitor {
        void visit(int a, int b, int count);
    }
}
