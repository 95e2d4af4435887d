package io.merx.search.internal;

import java.util.List;

import io.merx.encoder.SentenceEncoder;

/** The {@link SentenceEncoder} service as an {@link Embedder}; the only class that links to the encoder package. */
final class EncoderEmbedder implements Embedder {

    private final SentenceEncoder encoder;

    private EncoderEmbedder(SentenceEncoder encoder) {
        this.encoder = encoder;
    }

    /** Wraps a service object that Declarative Services located; null stays null (no encoder installed). */
    static Embedder of(Object service) {
        return service == null ? null : new EncoderEmbedder((SentenceEncoder) service);
    }

    @Override
    public String model() {
        return encoder.model();
    }

    @Override
    public int dimension() {
        return encoder.dimension();
    }

    @Override
    public float[][] embed(List<String> texts) {
        return encoder.encode(texts);
    }
}
