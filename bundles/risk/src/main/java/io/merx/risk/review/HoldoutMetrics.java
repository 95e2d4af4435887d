package io.merx.risk.review;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ranking figures on held-out reviews: PR-AUC (average precision, the figure that matters when abuse is rare),
 * ROC-AUC, and the recall at a 1 % false-positive rate (the share of abuse caught when one genuine review in a
 * hundred is flagged). Ties are broken pessimistically for recall (all tied scores enter together).
 */
final class HoldoutMetrics {

    private HoldoutMetrics() {
    }

    static Map<String, Double> of(double[] p, boolean[] y) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -p[i]));
        int positives = 0;
        for (boolean label : y) {
            positives += label ? 1 : 0;
        }
        int negatives = y.length - positives;
        double averagePrecision = 0;
        double auc = 0;
        double recallAt1 = 0;
        int tp = 0;
        int fp = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            int groupTp = 0;
            int groupFp = 0;
            while (j < order.length && p[order[j]] == p[order[i]]) {
                if (y[order[j]]) {
                    groupTp++;
                } else {
                    groupFp++;
                }
                j++;
            }
            auc += groupFp * (tp + groupTp / 2.0);
            tp += groupTp;
            fp += groupFp;
            if (groupTp > 0) {
                averagePrecision += groupTp * (tp / (double) (tp + fp));
            }
            if (fp <= 0.01 * negatives) {
                recallAt1 = tp / (double) Math.max(1, positives);
            }
            i = j;
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("prAuc", positives == 0 ? 0 : averagePrecision / positives);
        metrics.put("rocAuc", positives == 0 || negatives == 0 ? 0.5 : auc / ((double) positives * negatives));
        metrics.put("recallAt1PctFpr", recallAt1);
        metrics.put("evaluationRows", (double) y.length);
        metrics.put("evaluationAbuseRate", y.length == 0 ? 0 : positives / (double) y.length);
        return metrics;
    }
}
