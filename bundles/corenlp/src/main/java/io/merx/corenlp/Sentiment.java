package io.merx.corenlp;

import java.util.List;

/**
 * Five-class sentiment: a probability distribution over {@link #LABELS}, from very negative to very positive.
 *
 * @param distribution five probabilities summing to 1, or an empty array when unknown
 */
public record Sentiment(double[] distribution) {

    /** Class names in the order of {@link #distribution()}, as CoreNLP's sentiment model defines them. */
    public static final List<String> LABELS = List.of("very negative", "negative", "neutral", "positive",
            "very positive");

    /** No sentiment could be computed. */
    public static final Sentiment UNKNOWN = new Sentiment(new double[0]);

    public Sentiment {
        distribution = distribution.clone();
        if (distribution.length != 0 && distribution.length != LABELS.size()) {
            throw new IllegalArgumentException("a sentiment distribution has 5 classes, got " + distribution.length);
        }
    }

    @Override
    public double[] distribution() {
        return distribution.clone();
    }

    public boolean isKnown() {
        return distribution.length == LABELS.size();
    }

    /** The most probable class, or {@code "unknown"}. */
    public String label() {
        if (!isKnown()) {
            return "unknown";
        }
        int best = 0;
        for (int i = 1; i < distribution.length; i++) {
            if (distribution[i] > distribution[best]) {
                best = i;
            }
        }
        return LABELS.get(best);
    }

    /** Expected class on a scale from -1 (very negative) to +1 (very positive); 0 when unknown. */
    public double score() {
        double score = 0;
        for (int i = 0; i < distribution.length; i++) {
            score += distribution[i] * (i - 2) / 2.0;
        }
        return score;
    }
}
