package io.merx.encoder.internal;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The sentence encoders this bundle ships: the same all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0) as the
 * float32 ONNX export and as its int8 dynamically quantised export, both from langchain4j's model jars on Maven
 * Central. The quantised one is about twice as fast on a CPU and its embeddings differ a little, so a model trained
 * on one is served only by the same one (kinds compare {@link #modelName()}).
 */
public enum EncoderModel {

    MINILM("all-MiniLM-L6-v2", "/all-minilm-l6-v2.onnx", "/all-minilm-l6-v2-tokenizer.json"),
    MINILM_INT8("all-MiniLM-L6-v2-q", "/all-minilm-l6-v2-q.onnx", "/all-minilm-l6-v2-q-tokenizer.json");

    /** The framework property (etc/config.properties or etc/system.properties) that picks the encoder. */
    public static final String PROPERTY = "merx.encoder.model";

    private final String modelName;
    private final String modelResource;
    private final String tokenizerResource;

    EncoderModel(String modelName, String modelResource, String tokenizerResource) {
        this.modelName = modelName;
        this.modelResource = modelResource;
        this.tokenizerResource = tokenizerResource;
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

    /** The model a property value names; null or blank means the default, {@link #MINILM}. */
    public static EncoderModel named(String value) {
        if (value == null || value.isBlank()) {
            return MINILM;
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
