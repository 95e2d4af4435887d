package io.merx.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The held-out metrics against values worked out by hand (and by scikit-learn's definitions). */
class RankMetricsTest {

    private static final double[] SCORES = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
    private static final boolean[] TRUTH = {true, false, true, false, false, true};

    @Test
    void rocAucCountsOrderedPairs() {
        // Positive-negative pairs ranked right: 0.9 beats 3, 0.7 beats 2, 0.4 beats 0: 5 of 9.
        assertEquals(5.0 / 9, RankMetrics.rocAuc(SCORES, TRUTH), 1e-12);
    }

    @Test
    void prAucIsAveragePrecision() {
        // Precision at each positive: 1/1, 2/3, 3/6 (sklearn average_precision_score gives the same).
        assertEquals((1 + 2.0 / 3 + 0.5) / 3, RankMetrics.prAuc(SCORES, TRUTH), 1e-12);
    }

    @Test
    void tiedScoresCountAsOneThreshold() {
        double[] tied = {0.5, 0.5, 0.5, 0.5};
        boolean[] truth = {true, false, true, false};
        assertEquals(0.5, RankMetrics.rocAuc(tied, truth), 1e-12);
        assertEquals(0.5, RankMetrics.prAuc(tied, truth), 1e-12);
    }

    @Test
    void recallAtFprStaysBelowTheNegativeBudget() {
        // Three negatives: 1 % allows none above the best negative (0.8), so only 0.9 counts.
        assertEquals(1.0 / 3, RankMetrics.recallAtFpr(SCORES, TRUTH, 0.01), 1e-12);
        // 34 % allows one negative (0.8) above the threshold 0.6: 0.9 and 0.7.
        assertEquals(2.0 / 3, RankMetrics.recallAtFpr(SCORES, TRUTH, 0.34), 1e-12);
    }
}
