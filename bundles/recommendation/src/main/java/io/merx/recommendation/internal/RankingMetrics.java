package io.merx.recommendation.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Top-K ranking metrics with binary relevance, averaged over users: precision@K, recall@K, nDCG@K, MAP@K
 * (average precision normalised by {@code min(|relevant|, K)}) and catalogue coverage@K (share of all items that
 * appear in at least one list). Not thread-safe: one instance per evaluation.
 */
public final class RankingMetrics {

    private final int k;
    private final boolean[] recommended;
    private double precision;
    private double recall;
    private double ndcg;
    private double averagePrecision;
    private int users;

    public RankingMetrics(int k, int itemCount) {
        this.k = k;
        this.recommended = new boolean[itemCount];
    }

    /**
     * Adds one user's list.
     *
     * @param ranked recommended items, best first (at most K are read)
     * @param length entries of {@code ranked} in use
     * @param relevant the user's held-out items, sorted; users without any are not added
     */
    public void add(int[] ranked, int length, int[] relevant) {
        if (relevant.length == 0) {
            return;
        }
        int n = Math.min(length, k);
        int hits = 0;
        double dcg = 0;
        double precisionSum = 0;
        for (int i = 0; i < n; i++) {
            recommended[ranked[i]] = true;
            if (Arrays.binarySearch(relevant, ranked[i]) >= 0) {
                hits++;
                dcg += 1 / log2(i + 2);
                precisionSum += (double) hits / (i + 1);
            }
        }
        double idcg = 0;
        int ideal = Math.min(relevant.length, k);
        for (int i = 0; i < ideal; i++) {
            idcg += 1 / log2(i + 2);
        }
        precision += (double) hits / k;
        recall += (double) hits / relevant.length;
        ndcg += dcg / idcg;
        averagePrecision += precisionSum / ideal;
        users++;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** Metric name to value, e.g. {@code ndcg@10}, with {@code prefix} in front of each name. */
    public Map<String, Double> summary(String prefix) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        double n = Math.max(1, users);
        metrics.put(prefix + "precision@" + k, precision / n);
        metrics.put(prefix + "recall@" + k, recall / n);
        metrics.put(prefix + "ndcg@" + k, ndcg / n);
        metrics.put(prefix + "map@" + k, averagePrecision / n);
        int covered = 0;
        for (boolean r : recommended) {
            covered += r ? 1 : 0;
        }
        metrics.put(prefix + "coverage@" + k, recommended.length == 0 ? 0 : (double) covered / recommended.length);
        return metrics;
    }

    public int users() {
        return users;
    }
}
