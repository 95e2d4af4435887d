package io.merx.recommendation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The metric definitions, on lists small enough to check by hand. */
class RankingMetricsTest {

    @Test
    void metricsMatchHandComputedValues() {
        RankingMetrics metrics = new RankingMetrics(3, 10);
        // user 1: hits at ranks 1 and 3 of 2 relevant items
        metrics.add(new int[] {4, 5, 6}, 3, new int[] {4, 6});
        // user 2: one relevant item, missed
        metrics.add(new int[] {1, 2, 3}, 3, new int[] {9});
        // user 3: no relevant items: not counted
        metrics.add(new int[] {7}, 1, new int[0]);
        Map<String, Double> m = metrics.summary("");
        double log3 = Math.log(3) / Math.log(2);
        double ndcgUser1 = (1 + 1 / (Math.log(4) / Math.log(2))) / (1 + 1 / log3);
        assertEquals((2.0 / 3 + 0) / 2, m.get("precision@3"), 1e-12);
        assertEquals((1.0 + 0) / 2, m.get("recall@3"), 1e-12);
        assertEquals(ndcgUser1 / 2, m.get("ndcg@3"), 1e-12);
        assertEquals(((1.0 + 2.0 / 3) / 2) / 2, m.get("map@3"), 1e-12);
        assertEquals(6.0 / 10, m.get("coverage@3"), 1e-12);
        assertEquals(2, metrics.users());
    }

    @Test
    void topKKeepsTheBestInOrderWithStableTies() {
        TopK top = new TopK(3);
        float[] scores = {0.5f, 0.9f, 0.1f, 0.9f, 0.7f, 0.3f};
        for (int i = 0; i < scores.length; i++) {
            top.offer(scores[i], i);
        }
        int[] items = new int[3];
        float[] best = new float[3];
        top.drainBestFirst(items, best);
        assertEquals(1, items[0]);
        assertEquals(3, items[1]);
        assertEquals(4, items[2]);
        assertEquals(0.7f, best[2]);
    }
}
