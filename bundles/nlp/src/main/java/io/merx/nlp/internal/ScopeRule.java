package io.merx.nlp.internal;

import java.util.Locale;

/**
 * Decides whether a message belongs to any intent the model knows. With a sentence encoder the measure is the
 * Mahalanobis distance of the embedding to the nearest intent ({@link MahalanobisScope}); without one it is the
 * calibrated confidence of the best intent. Either threshold is chosen on held-out messages for a stated rate of
 * in-scope messages called out of scope.
 *
 * @param detector the distance measure, or null to use the confidence
 * @param threshold in scope when the distance is at most this, or the confidence at least this
 */
record ScopeRule(MahalanobisScope detector, double threshold) {

    static final String DISTANCE = "distance";
    static final String CONFIDENCE = "confidence";

    String measure() {
        return detector == null ? CONFIDENCE : DISTANCE;
    }

    double value(double[] probabilities, float[] embedding) {
        return detector == null ? probabilities[Calibration.argMax(probabilities)] : detector.distance(embedding);
    }

    boolean inScope(double value) {
        return detector == null ? value >= threshold : value <= threshold;
    }

    /** Why a message was called out of scope, in an operator's words. */
    String reason(double value) {
        return detector == null
                ? String.format(Locale.ROOT, "intent confidence %.2f is below the threshold %.2f", value, threshold)
                : String.format(Locale.ROOT, "message is far from every known intent (distance %.1f > %.1f)", value,
                        threshold);
    }
}
