package io.merx.recommendation.internal;

/**
 * The K best (score, item) pairs seen so far, in a bounded min-heap of primitive arrays: offering a candidate
 * that cannot make the list costs one comparison. Ties go to the lower item index, so results are stable.
 */
final class TopK {

    private final float[] scores;
    private final int[] items;
    private int size;

    TopK(int k) {
        scores = new float[k];
        items = new int[k];
    }

    /** True when {@code (s1, i1)} ranks below {@code (s2, i2)}. */
    private static boolean worse(float s1, int i1, float s2, int i2) {
        return s1 < s2 || (s1 == s2 && i1 > i2);
    }

    /** The score a candidate must beat once the list is full; negative infinity before. */
    float threshold() {
        return size < scores.length ? Float.NEGATIVE_INFINITY : scores[0];
    }

    void offer(float score, int item) {
        if (size < scores.length) {
            int i = size++;
            scores[i] = score;
            items[i] = item;
            siftUp(i);
        } else if (worse(scores[0], items[0], score, item)) {
            scores[0] = score;
            items[0] = item;
            siftDown(0);
        }
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!worse(scores[i], items[i], scores[parent], items[parent])) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int child = left + 1 < size && worse(scores[left + 1], items[left + 1], scores[left], items[left])
                    ? left + 1 : left;
            if (!worse(scores[child], items[child], scores[i], items[i])) {
                return;
            }
            swap(i, child);
            i = child;
        }
    }

    private void swap(int a, int b) {
        float s = scores[a];
        scores[a] = scores[b];
        scores[b] = s;
        int t = items[a];
        items[a] = items[b];
        items[b] = t;
    }

    int size() {
        return size;
    }

    /** Drains the heap: best first. Writes {@code size()} entries. */
    void drainBestFirst(int[] outItems, float[] outScores) {
        int n = size;
        for (int pos = n - 1; pos >= 0; pos--) {
            outItems[pos] = items[0];
            outScores[pos] = scores[0];
            size--;
            if (size > 0) {
                scores[0] = scores[size];
                items[0] = items[size];
                siftDown(0);
            }
        }
    }
}
