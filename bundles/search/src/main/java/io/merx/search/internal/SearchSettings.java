package io.merx.search.internal;

/**
 * How a model ranks, fixed at training time and stored with it.
 *
 * @param k1 BM25 term-frequency saturation
 * @param b BM25 length normalisation
 * @param semanticWeight weight of the embedding ranks in the hybrid fusion, in [0, 1]
 * @param candidates how deep each signal's list goes into the fusion
 */
record SearchSettings(double k1, double b, double semanticWeight, int candidates) {

    SearchSettings withSemanticWeight(double weight) {
        return new SearchSettings(k1, b, weight, candidates);
    }
}
