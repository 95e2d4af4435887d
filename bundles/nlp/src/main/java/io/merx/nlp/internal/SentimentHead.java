package io.merx.nlp.internal;

import java.util.List;
import java.util.Locale;

import io.merx.corenlp.Sentiment;

/**
 * Sentiment learned from the shop's own labelled messages: a calibrated softmax layer on the intent model's input
 * (hashed n-grams and the weighted embedding), so a message's sentiment costs one more sum of weight rows instead
 * of CoreNLP's parse, and follows the shop's data instead of movie reviews. It answers on CoreNLP's five classes,
 * so the response and the routing read it the same way; classes never labelled get probability 0.
 *
 * @param labels the {@link Sentiment#LABELS} that occurred in training, in that order: the head's classes
 * @param head input to logits
 * @param temperature logits are divided by it before the softmax
 */
record SentimentHead(List<String> labels, LinearHead head, double temperature) {

    SentimentHead {
        labels = List.copyOf(labels);
        if (labels.size() != head.classes() || !Sentiment.LABELS.containsAll(labels)) {
            throw new IllegalArgumentException("sentiment head: classes " + labels + " do not match "
                    + head.classes() + " outputs, or are not among " + Sentiment.LABELS);
        }
    }

    Sentiment sentiment(SparseVector input) {
        double[] p = Calibration.softmax(head.logits(input), temperature);
        double[] distribution = new double[Sentiment.LABELS.size()];
        for (int i = 0; i < p.length; i++) {
            distribution[Sentiment.LABELS.indexOf(labels.get(i))] = p[i];
        }
        return new Sentiment(distribution);
    }

    /**
     * The sentiment class a training value names: one of {@link Sentiment#LABELS} (any case, '_' or '-' for the
     * space) or a star rating from 1 (very negative) to 5 (very positive); null when it names none.
     */
    static String label(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        if (v.length() == 1 && v.charAt(0) >= '1' && v.charAt(0) <= '5') {
            return Sentiment.LABELS.get(v.charAt(0) - '1');
        }
        return Sentiment.LABELS.contains(v) ? v : null;
    }
}
