package io.merx.encoder;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Turns sentences into L2-normalised embeddings, so that the dot product of two is their cosine similarity.
 *
 * <p>Implementations are thread-safe. {@link #encode(List)} takes a whole list in one call (the implementation
 * groups texts of similar length into passes through the model where that is faster); call it with a batch
 * rather than one sentence at a time when you have several. A text's embedding does not depend on the other texts
 * of the list.
 *
 * <p>Inputs longer than {@link #maxTokens()} word pieces (special tokens included) are truncated to their first
 * {@code maxTokens()} pieces, as the model was trained; {@link #tokenCount(String)} tells a caller whether that
 * will happen.
 */
@ProviderType
public interface SentenceEncoder {

    /** Service property naming the model, e.g. {@code all-MiniLM-L6-v2}. */
    String MODEL_PROPERTY = "merx.encoder.model";

    /** Service property with {@link #dimension()}. */
    String DIMENSION_PROPERTY = "merx.encoder.dimension";

    /** The model's name, e.g. {@code all-MiniLM-L6-v2}; models trained on one encoder's vectors need the same. */
    String model();

    /** Length of every embedding. */
    int dimension();

    /** Word pieces beyond this many (special tokens included) are dropped. */
    int maxTokens();

    /**
     * Word pieces {@code text} becomes, special tokens included, before truncation.
     *
     * @throws IllegalArgumentException if {@code text} is null or blank
     */
    int tokenCount(String text);

    /**
     * Embeds every text.
     *
     * @param texts sentences to embed; an empty list gives an empty array
     * @return one L2-normalised vector of length {@link #dimension()} per text, in order
     * @throws IllegalArgumentException if the list or any text is null or blank (the message names its index)
     * @throws EncodingException if the model fails to run
     */
    float[][] encode(List<String> texts);

    /** Embeds one text; see {@link #encode(List)}. */
    default float[] encode(String text) {
        return encode(List.of(text == null ? "" : text))[0];
    }

    /** Cosine similarity of two embeddings from this encoder (both are unit length, so it is their dot product). */
    static float cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("embeddings differ in length: " + a.length + " and " + b.length);
        }
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        return (float) dot;
    }
}
