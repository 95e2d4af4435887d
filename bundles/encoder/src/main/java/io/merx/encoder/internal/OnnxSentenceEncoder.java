package io.merx.encoder.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.merx.encoder.EncodingException;
import io.merx.encoder.SentenceEncoder;

/**
 * all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0; the ONNX exports langchain4j ships on Maven Central, float32
 * or int8, see {@link EncoderModel}) run by ONNX Runtime, tokenised by DJL's binding of Hugging Face tokenizers.
 *
 * <p>Thread-safe: ONNX Runtime sessions and Hugging Face tokenizers may be used from many threads at once. Holds
 * native memory until {@link #close()}.
 */
public final class OnnxSentenceEncoder implements SentenceEncoder, AutoCloseable {

    /** The sequence length the model was trained with (sentence-transformers' max_seq_length). */
    public static final int MAX_TOKENS = 256;
    private static final int DIMENSION = 384;

    private final EncoderModel variant;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final HuggingFaceTokenizer countingTokenizer;
    private final boolean wantsTokenTypes;

    private OnnxSentenceEncoder(EncoderModel variant, OrtSession session, OrtEnvironment environment,
            HuggingFaceTokenizer tokenizer, HuggingFaceTokenizer countingTokenizer) throws OrtException {
        this.variant = variant;
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.countingTokenizer = countingTokenizer;
        this.wantsTokenTypes = session.getInputNames().contains("token_type_ids");
    }

    /**
     * Loads the default model ({@link EncoderModel#DEFAULT}) and its tokenizer from {@code anchor}'s class path. Call after {@link OfflineNatives#configure},
     * with the thread context class loader set to one that sees DJL's jar (DJL finds its native library there).
     *
     * @param intraOpThreads threads one inference may use; 0 lets ONNX Runtime choose (one per core)
     */
    public static OnnxSentenceEncoder load(Class<?> anchor, int intraOpThreads) throws IOException, OrtException {
        return load(anchor, EncoderModel.DEFAULT, intraOpThreads);
    }

    /** As {@link #load(Class, int)}, for one of the shipped {@link EncoderModel}s. */
    public static OnnxSentenceEncoder load(Class<?> anchor, EncoderModel variant, int intraOpThreads)
            throws IOException, OrtException {
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intraOpThreads must be 0 (automatic) or positive, was " + intraOpThreads);
        }
        byte[] model;
        try (InputStream in = open(anchor, variant.modelResource())) {
            model = in.readAllBytes();
        }
        HuggingFaceTokenizer tokenizer = tokenizer(anchor, variant, true);
        HuggingFaceTokenizer counting = tokenizer(anchor, variant, false);
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (intraOpThreads > 0) {
                options.setIntraOpNumThreads(intraOpThreads);
            }
            OrtSession session = environment.createSession(model, options);
            return new OnnxSentenceEncoder(variant, session, environment, tokenizer, counting);
        }
    }

    private static HuggingFaceTokenizer tokenizer(Class<?> anchor, EncoderModel variant, boolean truncate)
            throws IOException {
        Map<String, String> options = new HashMap<>();
        options.put("addSpecialTokens", "true");
        // Padding is done here, per batch, so that the attention mask is ours to build.
        options.put("padding", "false");
        options.put("truncation", String.valueOf(truncate));
        if (truncate) {
            options.put("maxLength", String.valueOf(MAX_TOKENS));
        } else {
            options.put("modelMaxLength", String.valueOf(Integer.MAX_VALUE));
        }
        try (InputStream in = open(anchor, variant.tokenizerResource())) {
            return HuggingFaceTokenizer.newInstance(in, options);
        }
    }

    private static InputStream open(Class<?> anchor, String resource) throws IOException {
        InputStream in = anchor.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("resource " + resource + " is not on " + anchor.getName() + "'s class path");
        }
        return in;
    }

    @Override
    public String model() {
        return variant.modelName();
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public int maxTokens() {
        return MAX_TOKENS;
    }

    @Override
    public int tokenCount(String text) {
        return countingTokenizer.encode(checked(text, 0)).getIds().length;
    }

    @Override
    public float[][] encode(List<String> texts) {
        Objects.requireNonNull(texts, "texts");
        if (texts.isEmpty()) {
            return new float[0][];
        }
        String[] checked = new String[texts.size()];
        for (int i = 0; i < checked.length; i++) {
            checked[i] = checked(texts.get(i), i);
        }
        Encoding[] encodings = tokenizer.batchEncode(checked);
        // Sorted by length and cut into passes (EncoderModel.passSize), a list pads each text only to its
        // neighbours' length: short messages beside one long review would otherwise all pay the review's length.
        Integer[] byLength = new Integer[encodings.length];
        for (int i = 0; i < byLength.length; i++) {
            byLength[i] = i;
        }
        java.util.Arrays.sort(byLength, java.util.Comparator.comparingInt(i -> encodings[i].getIds().length));
        float[][] out = new float[encodings.length][];
        int passSize = variant.passSize();
        for (int from = 0; from < byLength.length; from += passSize) {
            int rows = Math.min(passSize, byLength.length - from);
            int width = encodings[byLength[from + rows - 1]].getIds().length;
            long[][] ids = new long[rows][width];
            long[][] mask = new long[rows][width];
            long[][] types = new long[rows][width];
            for (int row = 0; row < rows; row++) {
                long[] rowIds = encodings[byLength[from + row]].getIds();
                System.arraycopy(rowIds, 0, ids[row], 0, rowIds.length);
                java.util.Arrays.fill(mask[row], 0, rowIds.length, 1L);
            }
            float[][] pass = run(ids, mask, types);
            for (int row = 0; row < rows; row++) {
                out[byLength[from + row]] = pass[row];
            }
        }
        return out;
    }

    private float[][] run(long[][] ids, long[][] mask, long[][] types) {
        long[] shape = {ids.length, ids[0].length};
        try (OnnxTensor idTensor = tensor(ids, shape);
                OnnxTensor maskTensor = tensor(mask, shape);
                OnnxTensor typeTensor = tensor(types, shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put("input_ids", idTensor);
            inputs.put("attention_mask", maskTensor);
            if (wantsTokenTypes) {
                inputs.put("token_type_ids", typeTensor);
            }
            try (OrtSession.Result result = session.run(inputs, Set.of("last_hidden_state"))) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                return MeanPooling.pool(hidden, mask);
            }
        } catch (OrtException e) {
            throw new EncodingException("ONNX Runtime failed on a batch of " + ids.length + " texts of up to "
                    + ids[0].length + " tokens: " + e.getMessage(), e);
        }
    }

    private OnnxTensor tensor(long[][] values, long[] shape) throws OrtException {
        LongBuffer flat = LongBuffer.allocate(values.length * values[0].length);
        for (long[] row : values) {
            flat.put(row);
        }
        flat.flip();
        return OnnxTensor.createTensor(environment, flat, shape);
    }

    private static String checked(String text, int index) {
        if (text == null) {
            throw new IllegalArgumentException("text " + index + " is null");
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException("text " + index + " is blank: there is nothing to encode");
        }
        return text;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new EncodingException("could not release the ONNX Runtime session", e);
        } finally {
            tokenizer.close();
            countingTokenizer.close();
        }
    }

    @Override
    public String toString() {
        return variant.modelName() + " (ONNX Runtime, " + DIMENSION + " dimensions, truncated at " + MAX_TOKENS + " tokens)";
    }
}
