package io.merx.recommendation.internal;

/**
 * An item-item model, row-sparse (CSR): row {@code i} lists the items {@code j} that having {@code i} speaks for,
 * with weights, {@code items[ptr[i] .. ptr[i+1]-1]}. Item-kNN keeps each item's top-N cosine neighbours; EASE keeps
 * its rows of B. A user's score for {@code j} is the sum of {@code B[i][j]} over the user's items {@code i}.
 *
 * @param ptr row offsets, one more than the item count
 * @param items column indices, ascending within a row
 * @param weights the weights, aligned with {@code items}
 */
record ItemNeighbours(int[] ptr, int[] items, float[] weights) {

    int itemCount() {
        return ptr.length - 1;
    }

    /** Adds row {@code item} into {@code scores} (indexed by item). */
    void accumulate(int item, float[] scores) {
        for (int p = ptr[item]; p < ptr[item + 1]; p++) {
            scores[items[p]] += weights[p];
        }
    }

    /** {@code B[from][to]}, 0 when absent. */
    float weight(int from, int to) {
        int lo = ptr[from];
        int hi = ptr[from + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (items[mid] < to) {
                lo = mid + 1;
            } else if (items[mid] > to) {
                hi = mid - 1;
            } else {
                return weights[mid];
            }
        }
        return 0f;
    }

    /** The first non-finite weight's position, or -1. */
    int firstNonFinite() {
        for (int p = 0; p < weights.length; p++) {
            if (!Float.isFinite(weights[p])) {
                return p;
            }
        }
        return -1;
    }
}
