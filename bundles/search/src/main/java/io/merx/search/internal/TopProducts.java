package io.merx.search.internal;

import java.util.PriorityQueue;

/** The best products of one signal: a bounded heap over the scores, ties to the earlier product. */
final class TopProducts {

    private TopProducts() {
    }

    /**
     * The {@code m} allowed products with the highest scores, best first; with {@code matchesOnly}, only those
     * scoring above 0 (BM25 gives 0 to a product no query term matches).
     */
    static int[] of(float[] scores, boolean[] allowed, int m, boolean matchesOnly) {
        PriorityQueue<Integer> heap = new PriorityQueue<>(m + 1, (a, b) -> scores[a] != scores[b]
                ? Float.compare(scores[a], scores[b]) : Integer.compare(b, a));
        for (int i = 0; i < scores.length; i++) {
            if (!allowed[i] || (matchesOnly && scores[i] <= 0)) {
                continue;
            }
            if (heap.size() < m) {
                heap.add(i);
            } else if (scores[i] > scores[heap.peek()]) {
                heap.poll();
                heap.add(i);
            }
        }
        int[] best = new int[heap.size()];
        for (int i = best.length - 1; i >= 0; i--) {
            best[i] = heap.poll();
        }
        return best;
    }
}
