package io.merx.search.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighted reciprocal-rank fusion (Cormack, Clarke and Buettcher, SIGIR 2009): a product's hybrid score is
 * {@code (1 - w) / (60 + bm25Rank) + w / (60 + semanticRank)}, a term only for the lists it is in. Ranks, not
 * scores, are fused because BM25 scores are unbounded and depend on the query's length while cosines are not;
 * with {@code w = 0.5} it is the published, parameter-free method.
 */
final class RankFusion {

    /** The constant of the published method: damps the difference between the very first ranks. */
    static final int K = 60;

    private RankFusion() {
    }

    /**
     * The fused list, best first, at most {@code k} long.
     *
     * @param bm25 products by BM25, best first
     * @param semantic products by cosine, best first
     * @param semanticWeight {@code w}, in [0, 1]
     */
    static List<Hit> fuse(int[] bm25, int[] semantic, double semanticWeight, int k) {
        Map<Integer, Hit> hits = new HashMap<>();
        // A list of weight 0 adds nothing, not even its products at score 0 (they would follow in catalogue order).
        for (int r = 0; semanticWeight < 1 && r < bm25.length; r++) {
            hits.put(bm25[r], new Hit(bm25[r], (1 - semanticWeight) / (K + r + 1), r + 1, 0));
        }
        for (int r = 0; semanticWeight > 0 && r < semantic.length; r++) {
            int product = semantic[r];
            double term = semanticWeight / (K + r + 1);
            Hit known = hits.get(product);
            hits.put(product, known == null ? new Hit(product, term, 0, r + 1)
                    : new Hit(product, known.score() + term, known.bm25Rank(), r + 1));
        }
        List<Hit> fused = new ArrayList<>(hits.values());
        fused.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score())
                : Integer.compare(a.product(), b.product()));
        return fused.subList(0, Math.min(k, fused.size()));
    }

    /**
     * One product in an answer.
     *
     * @param product row in the catalogue
     * @param score the answer's score: fused, BM25 or cosine, whichever the mode ranks by
     * @param bm25Rank 1-based rank in the BM25 list, 0 when not in it
     * @param semanticRank 1-based rank in the embedding list, 0 when not in it
     */
    record Hit(int product, double score, int bm25Rank, int semanticRank) {
    }
}
