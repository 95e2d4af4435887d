package io.merx.customers.internal.segments;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Gives segments ids that do not depend on k-means' arbitrary cluster numbering: segments are numbered 1..k by
 * their centroid's monetary value (mean order amount), highest first, then by frequency. A retrain on similar
 * data finds similar centroids in the same order, so segment 1 stays "the highest-value segment". The kind SDK
 * does not show a trainer the previous model, so ids cannot be matched to it directly; two segments of nearly
 * equal monetary value can swap ids between retrains (docs/customers.md).
 */
final class SegmentOrder {

    private SegmentOrder() {
    }

    /** The cluster numbers in id order: element 0 becomes segment 1. */
    static Integer[] of(double[][] centroids) {
        Integer[] order = new Integer[centroids.length];
        for (int c = 0; c < order.length; c++) {
            order[c] = c;
        }
        Comparator<Integer> byMonetary = Comparator.comparingDouble(c -> -centroids[c][2]);
        Arrays.sort(order, byMonetary.thenComparingDouble(c -> -centroids[c][1]));
        return order;
    }
}
