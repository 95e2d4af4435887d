package io.merx.nlp.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The trained intent classifier with its out-of-scope rule: n-gram TF-IDF features, optionally followed by the
 * message's sentence embedding (scaled by {@code embeddingWeight}, at indices after the hashed n-grams), a head that
 * turns them into logits, a temperature, and the rule that decides whether a message is in scope at all.
 * Immutable; request threads share it.
 *
 * @param labels intent names, in output order
 * @param features n-gram extractor with its IDF weights
 * @param embeddingModel the encoder the model was trained with, or null for n-grams only
 * @param embeddingWeight multiplies the embedding before it joins the n-grams
 * @param head features to logits
 * @param temperature logits are divided by it before the softmax (1 = uncalibrated)
 * @param scope the out-of-scope rule
 */
record IntentModel(List<String> labels, TextFeatures features, String embeddingModel, float embeddingWeight,
        IntentHead head, double temperature, ScopeRule scope) {

    /**
     * What the model says about one message.
     *
     * @param embedding the message's sentence embedding, or null for an n-gram model: FAQ matching reuses it
     * @param input the head's input ({@link #vector}): a sentiment head reuses it
     */
    record Prediction(double[] probabilities, double scopeValue, boolean inScope, float[] embedding,
            SparseVector input) {
    }

    boolean usesEmbeddings() {
        return embeddingModel != null;
    }

    /** Length of the head's input: the hashed n-grams, then the embedding if the model uses one. */
    int inputDimension() {
        return features.dimension() + (usesEmbeddings() ? scope.detector().dimension() : 0);
    }

    /**
     * Predictions for several messages, their embeddings computed in one pass of the encoder.
     *
     * @param embedder the encoder the model was trained with; unused (may be null) for an n-gram model
     */
    List<Prediction> predict(List<String> texts, Embedder embedder) {
        float[][] embeddings = usesEmbeddings() ? embedder.embed(texts) : null;
        List<Prediction> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            float[] embedding = embeddings == null ? null : embeddings[i];
            SparseVector input = vector(texts.get(i), embedding);
            double[] p = Calibration.softmax(head.logits(input), temperature);
            double value = scope.value(p, embedding);
            out.add(new Prediction(p, value, scope.inScope(value), embedding, input));
        }
        return out;
    }

    /** The head's input: the n-gram vector, then the weighted embedding (if any) after {@code 2^hashBits}. */
    SparseVector vector(String text, float[] embedding) {
        return combine(features.vector(text), embedding, features.dimension(), embeddingWeight);
    }

    static SparseVector combine(SparseVector ngrams, float[] embedding, int offset, float weight) {
        if (embedding == null) {
            return ngrams;
        }
        int n = ngrams.indices().length;
        int[] indices = Arrays.copyOf(ngrams.indices(), n + embedding.length);
        float[] values = Arrays.copyOf(ngrams.values(), n + embedding.length);
        for (int j = 0; j < embedding.length; j++) {
            indices[n + j] = offset + j;
            values[n + j] = weight * embedding[j];
        }
        return new SparseVector(indices, values);
    }
}
