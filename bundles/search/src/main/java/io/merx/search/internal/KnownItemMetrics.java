package io.merx.search.internal;

import java.util.List;

import io.merx.search.internal.RankFusion.Hit;

/** nDCG@10 and hit rate@10 when each query has one relevant product (a known-item search). */
final class KnownItemMetrics {

    static final int CUTOFF = 10;

    private KnownItemMetrics() {
    }

    /** 1/log2(rank + 1) when the product is in the first {@link #CUTOFF} hits, else 0 (the ideal DCG is 1). */
    static double ndcg(List<Hit> hits, int relevant) {
        for (int r = 0; r < Math.min(CUTOFF, hits.size()); r++) {
            if (hits.get(r).product() == relevant) {
                return 1 / (Math.log(r + 2) / Math.log(2));
            }
        }
        return 0;
    }

    /** 1 when the product is in the first {@link #CUTOFF} hits, else 0. */
    static double hit(List<Hit> hits, int relevant) {
        for (int r = 0; r < Math.min(CUTOFF, hits.size()); r++) {
            if (hits.get(r).product() == relevant) {
                return 1;
            }
        }
        return 0;
    }
}
