package io.merx.search.internal;

import java.util.List;

/**
 * Sentence embeddings as search needs them. The kind's own view of {@code io.merx.encoder.SentenceEncoder}
 * ({@link EncoderEmbedder}), so that no class of the kind but that adapter names the encoder's package, which is an
 * optional import: without the encoder bundle the kind still loads and searches with BM25 alone.
 */
interface Embedder {

    /** The encoder's model name, stored with every model trained on it. */
    String model();

    /** Length of every embedding. */
    int dimension();

    /** One L2-normalised embedding per text, computed in one pass. */
    float[][] embed(List<String> texts);
}
