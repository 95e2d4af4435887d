package io.merx.encoder.internal;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The sentence encoders this bundle ships: the same all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0) as the
 * float32 ONNX export and as its int8 dynamically quantised export, both from langchain4j's model jars on Maven
 * Central. The quantised one is about twice as fast on a CPU and its embeddings differ a little, so a model trained
 * on one is served only by the same one (kinds compare {@link #modelName()}). The float model stays the default,
 * so that models trained before keep loading; the int8 one is the choice for speed (on Banking77 it lost 0.1 points
 * of accuracy and halved the time per message, docs/benchmarks/nlp.md), but on the small templated demo set its
 * noisier vectors sent borderline shop questions out of scope.
 */
public enum EncoderModel {

    MINILM("all-MiniLM-L6-v2", "/all-minilm-l6-v2.onnx", "/all-minilm-l6-v2-tokenizer.json", 32),
    /**
     * Dynamically quantised: each call scales its activations by the largest value in the whole batch, so a text
     * encoded beside others would get a slightly different vector than alone. It is run one text per call, so that a
     * text's embedding never depends on its neighbours (a request scored alone or in a batch answers the same).
     */
    MINILM_INT8("all-MiniLM-L6-v2-q", "/all-minilm-l6-v2-q.onnx", "/all-minilm-l6-v2-q-tokenizer.json", 1);

    /** The framework property (etc/config.properties or etc/system.properties) that picks the encoder. */
    public static final String PROPERTY = "merx.encoder.model";

    private final String modelName;
    private final String modelResource;
    private final String tokenizerResource;
    private final int passSize;

    EncoderModel(String modelName, String modelResource, String tokenizerResource, int passSize) {
        this.modelName = modelName;
        this.modelResource = modelResource;
        this.tokenizerResource = tokenizerResource;
        this.passSize = passSize;
    }

    public String modelName() {
        return modelName;
    }

    String modelResource() {
        return modelResource;
    }

    String tokenizerResource() {
        return tokenizerResource;
    }

    /** Most texts per ONNX Runtime call. */
    int passSize() {
        return passSize;
    }

    public static final EncoderModel DEFAULT = MINILM;

    /** The model a property value names; null or blank means {@link #DEFAULT}. */
    public static EncoderModel named(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        for (EncoderModel model : values()) {
            if (model.modelName.equals(value.trim())) {
                return model;
            }
        }
        throw new IllegalArgumentException(PROPERTY + " is '" + value + "'; it must be one of "
                + Arrays.stream(values()).map(EncoderModel::modelName).collect(Collectors.joining(", ")));
    }
}
