package io.merx.risk;

import java.util.Arrays;
import java.util.Comparator;

/**
 * How well scores rank positives above negatives, as the risk kinds report it on held-out data: ROC AUC, PR AUC
 * (average precision, which unlike ROC AUC shows how many good orders stand among the flagged ones when fraud is
 * rare) and recall at a fixed false-positive rate. Ties are broken pessimistically for nothing: tied scores count
 * as one threshold.
 */
public final class RankMetrics {

    private RankMetrics() {
    }

    /** Mann-Whitney ROC AUC with ties counted half; 0.5 when a class is empty. */
    public static double rocAuc(double[] scores, boolean[] positive) {
        Integer[] order = byScoreAscending(scores);
        double rankSumPositives = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (positive[order[k]]) {
                    rankSumPositives += midRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return 0.5;
        }
        return (rankSumPositives - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Average precision: the mean, over positives, of the precision at the threshold that admits each. */
    public static double prAuc(double[] scores, boolean[] positive) {
        Integer[] order = byScoreAscending(scores);
        long total = 0;
        for (boolean p : positive) {
            total += p ? 1 : 0;
        }
        if (total == 0) {
            return 0;
        }
        double sum = 0;
        long truePositives = 0;
        long flagged = 0;
        int i = order.length - 1;
        while (i >= 0) {
            int j = i;
            while (j - 1 >= 0 && scores[order[j - 1]] == scores[order[i]]) {
                j--;
            }
            long newPositives = 0;
            for (int k = j; k <= i; k++) {
                newPositives += positive[order[k]] ? 1 : 0;
            }
            flagged += i - j + 1;
            truePositives += newPositives;
            sum += newPositives * ((double) truePositives / flagged);
            i = j - 1;
        }
        return sum / total;
    }

    /** The share of positives scored above the threshold that flags at most {@code fpr} of the negatives. */
    public static double recallAtFpr(double[] scores, boolean[] positive, double fpr) {
        int negatives = 0;
        int positives = 0;
        for (boolean p : positive) {
            negatives += p ? 0 : 1;
            positives += p ? 1 : 0;
        }
        if (positives == 0 || negatives == 0) {
            return 0;
        }
        double[] negativeScores = new double[negatives];
        int n = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!positive[i]) {
                negativeScores[n++] = scores[i];
            }
        }
        Arrays.sort(negativeScores);
        int allowed = (int) Math.floor(fpr * negatives);
        // Flag scores strictly above the (allowed+1)-th highest negative score.
        double threshold = negativeScores[negatives - 1 - Math.min(allowed, negatives - 1)];
        int caught = 0;
        for (int i = 0; i < scores.length; i++) {
            if (positive[i] && scores[i] > threshold) {
                caught++;
            }
        }
        return (double) caught / positives;
    }

    private static Integer[] byScoreAscending(double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        return order;
    }
}
