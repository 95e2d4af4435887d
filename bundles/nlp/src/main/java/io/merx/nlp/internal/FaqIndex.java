package io.merx.nlp.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The knowledge base's FAQ questions as sentence embeddings, computed once at training time, so that a message is
 * matched to the questions it means rather than the words it shares with them ("can parcels be sent abroad?" finds
 * "do you ship internationally?"). Scoring reuses the embedding the intent head already computed: a lookup costs one
 * dot product per question. Immutable; request threads share it.
 *
 * @param faqs the entries, in knowledge-base order
 * @param embeddings one unit-length embedding per entry's question, row-major {@code [faqs][dimension]}
 * @param dimension embedding length
 * @param minSimilarity cosine similarity from which a question is suggested
 */
record FaqIndex(List<KnowledgeBase.Faq> faqs, float[] embeddings, int dimension, double minSimilarity) {

    /** Most suggestions a response carries. */
    static final int SUGGESTIONS = 3;

    FaqIndex {
        faqs = List.copyOf(faqs);
        if (embeddings.length != (long) faqs.size() * dimension) {
            throw new IllegalArgumentException("FAQ embeddings hold " + embeddings.length + " values, expected "
                    + faqs.size() + " questions of " + dimension);
        }
    }

    /** A suggested FAQ entry and how close its question is to the message. */
    record Match(KnowledgeBase.Faq faq, double similarity) {
    }

    /** Embeds every FAQ question in one pass of the encoder. */
    static FaqIndex build(List<KnowledgeBase.Faq> faqs, Embedder embedder, double minSimilarity) {
        float[][] rows = embedder.embed(faqs.stream().map(KnowledgeBase.Faq::question).toList());
        int d = embedder.dimension();
        float[] flat = new float[faqs.size() * d];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * d, d);
        }
        return new FaqIndex(faqs, flat, d, minSimilarity);
    }

    /**
     * The closest questions at or above {@link #minSimilarity}, best first, at most {@link #SUGGESTIONS}, one per
     * answer (several phrasings of one question would otherwise fill the list with the same answer).
     */
    List<Match> nearest(float[] embedding) {
        int n = faqs.size();
        double[] similarity = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            double dot = 0;
            int offset = i * dimension;
            for (int j = 0; j < dimension; j++) {
                dot += embeddings[offset + j] * embedding[j];
            }
            similarity[i] = dot; // both have unit length: the dot product is the cosine
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(similarity[b], similarity[a]));
        List<Match> matches = new ArrayList<>();
        Set<String> answers = new HashSet<>();
        for (int i : order) {
            if (similarity[i] < minSimilarity || matches.size() == SUGGESTIONS) {
                break;
            }
            if (answers.add(faqs.get(i).answer())) {
                matches.add(new Match(faqs.get(i), similarity[i]));
            }
        }
        return matches;
    }
}
