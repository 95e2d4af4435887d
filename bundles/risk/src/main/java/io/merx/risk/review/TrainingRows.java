package io.merx.risk.review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import io.merx.api.Dataset;

/**
 * Labelled reviews in time order with their features, split into fit, calibration and evaluation slices (oldest
 * to newest). The text polarity is learned from the fit slice only; a fit row's own polarity comes from the half
 * of the fit slice that did not contain it (two folds by row parity), so the regression sees polarities as noisy as
 * those of unseen reviews. Behaviour and copy features of every row look only at earlier reviews.
 */
final class TrainingRows {

    final List<Review> reviews;
    final boolean[] labels;
    final int calibrationStart;
    final int evaluationStart;
    final TextPolarity polarity;
    final ReviewHistory history;
    final double[][] raw;

    private TrainingRows(List<Review> reviews, boolean[] labels, int calibrationStart, int evaluationStart,
            TextPolarity polarity, ReviewHistory history, double[][] raw) {
        this.reviews = reviews;
        this.labels = labels;
        this.calibrationStart = calibrationStart;
        this.evaluationStart = evaluationStart;
        this.polarity = polarity;
        this.history = history;
        this.raw = raw;
    }

    static TrainingRows of(Dataset data, String labelColumn, double calibrationShare, double evaluationShare) {
        List<Review> byRow = ReviewColumns.reviews(data);
        boolean[] labelByRow = ReviewColumns.labels(data, labelColumn);
        Integer[] order = new Integer[byRow.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong(i -> byRow.get(i).time()));
        List<Review> reviews = new ArrayList<>();
        boolean[] labels = new boolean[order.length];
        for (int k = 0; k < order.length; k++) {
            reviews.add(byRow.get(order[k]));
            labels[k] = labelByRow[order[k]];
        }
        int n = reviews.size();
        int evaluationStart = n - (int) Math.round(n * evaluationShare);
        int calibrationStart = evaluationStart - (int) Math.round(n * calibrationShare);
        requireBothClasses(labels, 0, calibrationStart, "fit slice");
        requireBothClasses(labels, calibrationStart, evaluationStart, "calibration slice");

        TextPolarity polarity = polarity(reviews, labels, calibrationStart, -1);
        TextPolarity[] folds = {polarity(reviews, labels, calibrationStart, 0),
                polarity(reviews, labels, calibrationStart, 1)};
        ReviewHistory history = new ReviewHistory();
        int[][] signatures = new int[n][];
        for (int i = 0; i < n; i++) {
            Review r = reviews.get(i);
            signatures[i] = MinHash.signature(r.text());
            // the history keeps no text: the model's files hold signatures, not what people wrote
            history.add(new Review(r.reviewer(), r.product(), r.time(), r.accountCreated(), r.rating(), ""),
                    signatures[i]);
        }
        double[][] raw = new double[n][];
        for (int i = 0; i < n; i++) {
            TextPolarity p = i < calibrationStart ? folds[1 - i % 2] : polarity;
            raw[i] = ReviewFeatures.raw(reviews.get(i), signatures[i], history, p, 0);
        }
        return new TrainingRows(reviews, labels, calibrationStart, evaluationStart, polarity, history, raw);
    }

    int size() {
        return reviews.size();
    }

    /** Polarity from the fit slice's genuine reviews, 4-5 stars against 1-2; fold 0/1 takes every other row. */
    private static TextPolarity polarity(List<Review> reviews, boolean[] labels, int to, int fold) {
        List<String> texts = new ArrayList<>();
        List<Boolean> positive = new ArrayList<>();
        for (int i = 0; i < to; i++) {
            Review r = reviews.get(i);
            if (!labels[i] && r.rating() != 3 && (fold < 0 || i % 2 == fold)) {
                texts.add(r.text());
                positive.add(r.rating() >= 4);
            }
        }
        return TextPolarity.fit(texts, positive);
    }

    private static void requireBothClasses(boolean[] labels, int from, int to, String where) {
        int positives = 0;
        for (int i = from; i < to; i++) {
            positives += labels[i] ? 1 : 0;
        }
        if (positives == 0 || positives == to - from) {
            throw new IllegalArgumentException("the " + where + " (" + (to - from) + " reviews by time) has "
                    + positives + " abusive reviews: both classes are needed; add data or change the shares");
        }
    }
}
