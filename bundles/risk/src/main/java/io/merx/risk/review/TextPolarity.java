package io.merx.risk.review;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How positive a review's words are, in [-1, 1]: naive-Bayes log-count ratios of words and word pairs (Wang and
 * Manning 2012), learned from the training reviews whose stars and words agree by construction, 4-5 stars against
 * 1-2 stars. It is the model's own text signal because it costs microseconds per review, where the CoreNLP sentiment
 * parse costs a tenth of a second and a gigabyte of heap; CoreNLP is asked only at scoring, as a second opinion.
 */
final class TextPolarity {

    private static final int MIN_COUNT = 3;
    private static final double SMOOTHING = 1.0;

    private final Map<String, Double> ratios;

    TextPolarity(Map<String, Double> ratios) {
        this.ratios = Map.copyOf(ratios);
    }

    /** Learns the ratios from texts and whether each is positive. */
    static TextPolarity fit(List<String> texts, List<Boolean> positive) {
        Map<String, int[]> counts = new HashMap<>();
        int[] totals = new int[2];
        for (int i = 0; i < texts.size(); i++) {
            int side = positive.get(i) ? 0 : 1;
            for (String token : tokens(texts.get(i))) {
                counts.computeIfAbsent(token, t -> new int[2])[side]++;
                totals[side]++;
            }
        }
        Map<String, Double> ratios = new TreeMap<>(); // sorted: the saved file is the same for the same data
        int vocabulary = counts.size();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            if (c[0] + c[1] >= MIN_COUNT) {
                ratios.put(e.getKey(), Math.log((c[0] + SMOOTHING) / (totals[0] + SMOOTHING * vocabulary))
                        - Math.log((c[1] + SMOOTHING) / (totals[1] + SMOOTHING * vocabulary)));
            }
        }
        return new TextPolarity(ratios);
    }

    /** Polarity in [-1, 1]: the ratios' sum over the text's distinct tokens, scaled by the square root of their count. */
    double polarity(String text) {
        Set<String> tokens = tokens(text);
        if (tokens.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (String token : tokens) {
            sum += ratios.getOrDefault(token, 0.0);
        }
        return Math.tanh(sum / Math.sqrt(tokens.size()));
    }

    Map<String, Double> ratios() {
        return ratios;
    }

    /** Distinct words and adjacent word pairs of the normalised text ("not good" is a pair of its own). */
    static Set<String> tokens(String text) {
        String normalised = MinHash.normalise(text);
        Set<String> tokens = new LinkedHashSet<>();
        if (normalised.isEmpty()) {
            return tokens;
        }
        String[] words = normalised.split(" ");
        for (int i = 0; i < words.length; i++) {
            tokens.add(words[i]);
            if (i > 0) {
                tokens.add(words[i - 1] + " " + words[i]);
            }
        }
        return tokens;
    }
}
