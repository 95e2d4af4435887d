package io.merx.risk.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A trained review-abuse model, immutable: the text polarity, the review history the behaviour and duplicate
 * features look back on, the standardisation, the logistic weights of the kept feature groups, Platt's calibration
 * and the two decision thresholds. Features of dropped groups have weight 0.
 */
final class ReviewModel {

    /** One reason code: a feature that raised the logit, by how much, and what it says. */
    record Reason(String code, String feature, double value, double contribution, String text) {

        Map<String, Object> asOutput() {
            return Map.of("code", code, "feature", feature, "value", Double.isNaN(value) ? -1 : value,
                    "contribution", contribution, "text", text);
        }
    }

    final TextPolarity polarity;
    final ReviewHistory history;
    final List<String> groups;
    final double[] means;
    final double[] stds;
    final double[] weights;
    final double plattA;
    final double plattB;
    final double reviewAt;
    final double blockAt;
    final long dataEnd;

    ReviewModel(TextPolarity polarity, ReviewHistory history, List<String> groups, double[] means, double[] stds,
            double[] weights, double plattA, double plattB, double reviewAt, double blockAt, long dataEnd) {
        this.polarity = polarity;
        this.history = history;
        this.groups = List.copyOf(groups);
        this.means = means.clone();
        this.stds = stds.clone();
        this.weights = weights.clone();
        this.plattA = plattA;
        this.plattB = plattB;
        this.reviewAt = reviewAt;
        this.blockAt = blockAt;
        this.dataEnd = dataEnd;
    }

    /** Standardised transformed features; an unknown value sits at the training mean, so it moves nothing. */
    double[] standardised(double[] raw) {
        double[] t = ReviewFeatures.transform(raw);
        double[] z = new double[t.length];
        for (int j = 0; j < t.length; j++) {
            z[j] = Double.isNaN(t[j]) ? 0 : (t[j] - means[j]) / stds[j];
        }
        return z;
    }

    double logit(double[] raw) {
        return Logistic.dot(weights, standardised(raw));
    }

    double probability(double[] raw) {
        return Logistic.sigmoid(plattA * logit(raw) + plattB);
    }

    /** allow, review or block, by the thresholds. */
    String decision(double probability) {
        return probability >= blockAt ? "block" : probability >= reviewAt ? "review" : "allow";
    }

    /** The features that raised the logit most, largest first; at most {@code limit}. */
    List<Reason> reasons(double[] raw, int rating, int limit) {
        double[] z = standardised(raw);
        List<Reason> reasons = new ArrayList<>();
        for (int j = 0; j < z.length; j++) {
            double contribution = weights[j] * z[j] * plattA;
            if (contribution > 0) {
                reasons.add(new Reason(ReviewFeatures.code(j), ReviewFeatures.NAMES.get(j), raw[j], contribution,
                        ReviewFeatures.explain(j, raw, rating)));
            }
        }
        reasons.sort(Comparator.comparingDouble(Reason::contribution).reversed());
        return reasons.subList(0, Math.min(limit, reasons.size()));
    }
}
