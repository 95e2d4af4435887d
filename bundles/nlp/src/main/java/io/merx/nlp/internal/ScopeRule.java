package io.merx.nlp.internal;

import java.util.Locale;

/**
 * Decides whether a message belongs to any intent the model knows, by one of three measures. {@code combined}
 * (default with a sentence encoder): confidence and nearest-training-message similarity fused ({@link FusedScope}).
 * {@code distance}: the Mahalanobis distance of the embedding to the nearest intent ({@link MahalanobisScope}).
 * {@code confidence} (the only one without an encoder): the calibrated confidence of the best intent. The distance
 * and combined thresholds are chosen on held-out messages for a stated rate of in-scope messages called out of
 * scope; the confidence threshold is a setting.
 *
 * @param measure {@link #COMBINED}, {@link #DISTANCE} or {@link #CONFIDENCE}
 * @param detector the distance measure of a model with embeddings, else null
 * @param fused the combined measure, or null unless {@code measure} is combined
 * @param threshold in scope when the distance or combined score is at most this, or the confidence at least this
 */
record ScopeRule(String measure, MahalanobisScope detector, FusedScope fused, double threshold) {

    static final String DISTANCE = "distance";
    static final String CONFIDENCE = "confidence";
    static final String COMBINED = "combined";

    ScopeRule {
        if (DISTANCE.equals(measure) && detector == null || COMBINED.equals(measure) && fused == null) {
            throw new IllegalArgumentException("out-of-scope measure '" + measure + "' needs sentence embeddings");
        }
        if (!DISTANCE.equals(measure) && !COMBINED.equals(measure) && !CONFIDENCE.equals(measure)) {
            throw new IllegalArgumentException("unknown out-of-scope measure '" + measure + "'");
        }
    }

    double value(double[] probabilities, float[] embedding) {
        return switch (measure) {
            case DISTANCE -> detector.distance(embedding);
            case COMBINED -> fused.value(probabilities, embedding);
            default -> probabilities[Calibration.argMax(probabilities)];
        };
    }

    boolean inScope(double value) {
        return CONFIDENCE.equals(measure) ? value >= threshold : value <= threshold;
    }

    /** Why a message was called out of scope, in an operator's words. */
    String reason(double value) {
        return switch (measure) {
            case DISTANCE -> String.format(Locale.ROOT,
                    "message is far from every known intent (distance %.1f > %.1f)", value, threshold);
            case COMBINED -> String.format(Locale.ROOT, "message is unlike every known intent (low confidence and "
                    + "no similar training message: score %.2f > %.2f)", value, threshold);
            default -> String.format(Locale.ROOT, "intent confidence %.2f is below the threshold %.2f", value,
                    threshold);
        };
    }
}
