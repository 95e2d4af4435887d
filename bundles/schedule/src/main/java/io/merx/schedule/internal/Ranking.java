package io.merx.schedule.internal;

import java.util.List;
import java.util.Set;

/**
 * nDCG@K and recall@K with binary relevance for one user, defined as the recommendation kinds' RankingMetrics
 * defines them (ideal DCG over {@code min(|relevant|, K)} positions), so the scheduler's figures read like the
 * {@code ndcg@10} in a version's provenance.
 */
final class Ranking {

    private Ranking() {
    }

    static double ndcg(List<String> ranked, Set<String> relevant, int k) {
        if (relevant.isEmpty()) {
            return 0;
        }
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (relevant.contains(ranked.get(i))) {
                dcg += 1 / log2(i + 2);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevant.size()); i++) {
            ideal += 1 / log2(i + 2);
        }
        return dcg / ideal;
    }

    static double recall(List<String> ranked, Set<String> relevant, int k) {
        if (relevant.isEmpty()) {
            return 0;
        }
        int hits = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            hits += relevant.contains(ranked.get(i)) ? 1 : 0;
        }
        return (double) hits / relevant.size();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
