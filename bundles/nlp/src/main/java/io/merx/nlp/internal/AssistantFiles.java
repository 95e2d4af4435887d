package io.merx.nlp.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import io.merx.api.ModelLoadException;

/**
 * The on-disk format. Version 2 (written now): {@code assistant.properties} (format, intents, hashBits, the encoder
 * the model was trained with and the embedding weight, temperature, out-of-scope measure and threshold, routing
 * policy, order-number pattern), {@code network.bin} (magic {@code MXN2}, then length-prefixed big-endian float
 * blocks: IDF, the linear head's weights and biases, and with an encoder the class centroids and the precision
 * matrix of the distance measure), {@code knowledge-base.tsv} and, for a model with an encoder whose knowledge base
 * has FAQ entries, {@code faq.bin} (magic {@code MXF1}, count, dimension, the questions' embeddings as big-endian
 * floats; the similarity threshold is {@code faq.similarity} in the properties). A model without it has no FAQ
 * matching, as before FAQ entries existed. A model whose {@code scope.measure} is {@code combined} also has
 * {@code neighbours.bin} (magic {@code MXK1}, same layout: its training messages' embeddings) and the measure's
 * standardisation in {@code scope.scale}; since the neighbours are grouped by intent, {@code scope.intentStarts} says
 * where each intent's rows start (one value per intent, then the row count), and a model without it is searched
 * whole, as a reader that predates it searches every model. A model without {@code scope.measure} (none was written
 * without it) would read as distance with an encoder, confidence without. A model trained with a sentiment column
 * also has {@code sentiment.bin} (magic {@code MXS1}, then the sentiment head's weights and biases as blocks like
 * those of {@code network.bin}) and its classes and temperature in {@code sentiment.labels} and
 * {@code sentiment.temperature}; a reader that predates it ignores the file and answers sentiment with CoreNLP.
 * Version 1 (a DL4J perceptron, magic {@code MXN1}) is still read. Plain Java streams: loading needs neither ND4J nor DL4J.
 */
final class AssistantFiles {

    static final String META = "assistant.properties";
    static final String NETWORK = "network.bin";
    static final String KNOWLEDGE_BASE = "knowledge-base.tsv";
    static final String FAQ = "faq.bin";
    static final String NEIGHBOURS = "neighbours.bin";
    static final String SENTIMENT = "sentiment.bin";
    static final int FORMAT = 2;
    private static final int MAGIC_V1 = 0x4d584e31; // "MXN1"
    private static final int MAGIC_V2 = 0x4d584e32; // "MXN2"
    private static final int MAGIC_FAQ = 0x4d584631; // "MXF1"
    private static final int MAGIC_NEIGHBOURS = 0x4d584b31; // "MXK1"
    private static final int MAGIC_SENTIMENT = 0x4d585331; // "MXS1"

    private AssistantFiles() {
    }

    static void write(Assistant a, Path directory) throws IOException {
        IntentModel m = a.intents();
        if (!(m.head() instanceof LinearHead head)) {
            throw new IllegalStateException("only linear heads are written; format-1 models are read, not rewritten");
        }
        Properties meta = new Properties();
        meta.setProperty("format", Integer.toString(FORMAT));
        meta.setProperty("intents", Integer.toString(m.labels().size()));
        for (int i = 0; i < m.labels().size(); i++) {
            meta.setProperty("intent." + i, m.labels().get(i));
        }
        meta.setProperty("hashBits", Integer.toString(Integer.numberOfTrailingZeros(m.features().dimension())));
        if (m.usesEmbeddings()) {
            meta.setProperty("embedding.model", m.embeddingModel());
            meta.setProperty("embedding.dimension", Integer.toString(m.scope().detector().dimension()));
        }
        meta.setProperty("embedding.weight", Float.toString(m.embeddingWeight()));
        meta.setProperty("temperature", Double.toString(m.temperature()));
        meta.setProperty("scope.measure", m.scope().measure());
        meta.setProperty("threshold", Double.toString(m.scope().threshold()));
        meta.setProperty("urgentIntents", String.join(",", a.routing().urgentIntents()));
        meta.setProperty("humanIntents", String.join(",", a.routing().humanIntents()));
        meta.setProperty("negativeThreshold", Double.toString(a.routing().negativeThreshold()));
        meta.setProperty("orderIdPattern", a.patterns().orderPattern());
        if (a.faqs() != null) {
            meta.setProperty("faq.similarity", Double.toString(a.faqs().minSimilarity()));
        }
        FusedScope fused = m.scope().fused();
        if (fused != null) {
            FusedScope.Scale s = fused.scale();
            meta.setProperty("scope.scale", s.confidenceMean() + "," + s.confidenceSd() + "," + s.similarityMean() + ","
                    + s.similaritySd());
            if (fused.classStarts() != null) {
                meta.setProperty("scope.intentStarts", Arrays.stream(fused.classStarts()).mapToObj(Integer::toString)
                        .collect(Collectors.joining(",")));
            }
        }
        SentimentHead sentiment = a.sentiment();
        if (sentiment != null) {
            meta.setProperty("sentiment.labels", String.join(",", sentiment.labels()));
            meta.setProperty("sentiment.temperature", Double.toString(sentiment.temperature()));
        }
        try (OutputStream out = Files.newOutputStream(directory.resolve(META))) {
            meta.store(out, "Merx nlp.customer-service model");
        }
        List<float[]> blocks = new ArrayList<>(List.of(m.features().idf(), head.w(), head.b()));
        if (m.usesEmbeddings()) {
            blocks.add(m.scope().detector().means());
            blocks.add(m.scope().detector().precision());
        }
        writeBlocks(directory.resolve(NETWORK), MAGIC_V2, blocks);
        if (sentiment != null) {
            writeBlocks(directory.resolve(SENTIMENT), MAGIC_SENTIMENT,
                    List.of(sentiment.head().w(), sentiment.head().b()));
        }
        a.knowledgeBase().write(directory.resolve(KNOWLEDGE_BASE));
        if (a.faqs() != null) {
            writeRows(directory.resolve(FAQ), MAGIC_FAQ, a.faqs().dimension(), a.faqs().embeddings());
        }
        if (fused != null) {
            writeRows(directory.resolve(NEIGHBOURS), MAGIC_NEIGHBOURS, fused.dimension(), fused.neighbours());
        }
    }

    /** Magic, then each block as its length and its values. */
    private static void writeBlocks(Path file, int magic, List<float[]> blocks) throws IOException {
        try (DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.writeInt(magic);
            for (float[] block : blocks) {
                out.writeInt(block.length);
                for (float f : block) {
                    out.writeFloat(f);
                }
            }
        }
    }

    /** Rows of embeddings: magic, row count, dimension, then the values. */
    private static void writeRows(Path file, int magic, int dimension, float[] values) throws IOException {
        try (DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.writeInt(magic);
            out.writeInt(values.length / dimension);
            out.writeInt(dimension);
            for (float f : values) {
                out.writeFloat(f);
            }
        }
    }

    private static float[] readRows(Path file, int magic, int dimension, Integer expectedRows) throws IOException,
            ModelLoadException {
        String name = file.getFileName().toString();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != magic) {
                throw new ModelLoadException(name + " is not a Merx embedding file of this kind");
            }
            int rows = in.readInt();
            if (in.readInt() != dimension || expectedRows != null && rows != expectedRows) {
                throw new ModelLoadException(name + " does not match the model: " + rows + " rows, expected "
                        + (expectedRows == null ? "any number" : expectedRows) + " of dimension " + dimension);
            }
            float[] values = new float[rows * dimension];
            for (int i = 0; i < values.length; i++) {
                values[i] = in.readFloat();
            }
            return values;
        }
    }

    /** The FAQ questions' embeddings, or null when the model has none; they must match the knowledge base's FAQ. */
    private static FaqIndex readFaq(Path file, Properties meta, KnowledgeBase kb, IntentModel model)
            throws IOException, ModelLoadException {
        if (!Files.exists(file) || !model.usesEmbeddings()) {
            return null;
        }
        int dimension = model.scope().detector().dimension();
        return new FaqIndex(kb.faqs(), readRows(file, MAGIC_FAQ, dimension, kb.faqs().size()), dimension,
                Double.parseDouble(require(meta, "faq.similarity")));
    }

    static Assistant read(Path directory) throws ModelLoadException {
        try {
            Properties meta = new Properties();
            try (InputStream in = Files.newInputStream(directory.resolve(META))) {
                meta.load(in);
            }
            String format = meta.getProperty("format", "");
            if (!"1".equals(format) && !"2".equals(format)) {
                throw new ModelLoadException("unsupported nlp.customer-service format '" + format + "', expected 1 or "
                        + FORMAT);
            }
            int intents = Integer.parseInt(require(meta, "intents"));
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < intents; i++) {
                labels.add(require(meta, "intent." + i));
            }
            int bits = Integer.parseInt(require(meta, "hashBits"));
            int dimension = 1 << bits;
            double temperature = Double.parseDouble(require(meta, "temperature"));
            double threshold = Double.parseDouble(require(meta, "threshold"));
            IntentModel model = "1".equals(format)
                    ? readVersion1(directory, meta, labels, bits, temperature, threshold)
                    : readVersion2(directory, meta, labels, bits, dimension, temperature, threshold);
            KnowledgeBase kb;
            try (InputStream in = Files.newInputStream(directory.resolve(KNOWLEDGE_BASE))) {
                kb = KnowledgeBase.parse(in, KNOWLEDGE_BASE);
            }
            Routing routing = new Routing(split(meta.getProperty("urgentIntents", "")),
                    split(meta.getProperty("humanIntents", "")),
                    Double.parseDouble(require(meta, "negativeThreshold")));
            return new Assistant(model, kb, readFaq(directory.resolve(FAQ), meta, kb, model), routing,
                    new PatternEntities(require(meta, "orderIdPattern")), readSentiment(directory, meta, model));
        } catch (NoSuchFileException e) {
            throw new ModelLoadException("missing model file " + e.getFile(), e);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("cannot read nlp.customer-service model in " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    /** The sentiment head, or null when the model was trained without a sentiment column. */
    private static SentimentHead readSentiment(Path directory, Properties meta, IntentModel model)
            throws IOException, ModelLoadException {
        String labels = meta.getProperty("sentiment.labels");
        if (labels == null) {
            return null;
        }
        List<String> classes = List.of(labels.split(","));
        int inputs = model.inputDimension();
        float[][] b = blocks(directory, SENTIMENT, MAGIC_SENTIMENT, (long) inputs * classes.size(), classes.size());
        return new SentimentHead(classes, new LinearHead(inputs, classes.size(), b[0], b[1]),
                Double.parseDouble(require(meta, "sentiment.temperature")));
    }

    private static IntentModel readVersion1(Path directory, Properties meta, List<String> labels, int bits,
            double temperature, double threshold) throws IOException, ModelLoadException {
        int hidden = Integer.parseInt(require(meta, "hidden"));
        long dimension = 1L << bits;
        float[][] b = blocks(directory, MAGIC_V1, dimension, dimension * hidden, hidden, (long) hidden * labels.size(),
                labels.size());
        return new IntentModel(labels, new TextFeatures(bits, b[0]), null, 1f,
                new IntentNetwork(hidden, b[1], b[2], b[3], b[4]), temperature,
                new ScopeRule(ScopeRule.CONFIDENCE, null, null, threshold));
    }

    private static IntentModel readVersion2(Path directory, Properties meta, List<String> labels, int bits,
            int dimension, double temperature, double threshold) throws IOException, ModelLoadException {
        String encoder = meta.getProperty("embedding.model");
        int embedding = encoder == null ? 0 : Integer.parseInt(require(meta, "embedding.dimension"));
        int classes = labels.size();
        long inputs = (long) dimension + embedding;
        float[][] b = encoder == null
                ? blocks(directory, MAGIC_V2, dimension, inputs * classes, classes)
                : blocks(directory, MAGIC_V2, dimension, inputs * classes, classes, (long) classes * embedding,
                        (long) embedding * embedding);
        MahalanobisScope detector = encoder == null ? null : new MahalanobisScope(embedding, b[3], b[4]);
        String measure = meta.getProperty("scope.measure", encoder == null ? ScopeRule.CONFIDENCE : ScopeRule.DISTANCE);
        FusedScope fused = null;
        if (ScopeRule.COMBINED.equals(measure)) {
            String[] s = require(meta, "scope.scale").split(",");
            float[] neighbours = readRows(directory.resolve(NEIGHBOURS), MAGIC_NEIGHBOURS, embedding, null);
            try {
                fused = new FusedScope(embedding, neighbours, intentStarts(meta, classes),
                        new FusedScope.Scale(Double.parseDouble(s[0]), Double.parseDouble(s[1]),
                                Double.parseDouble(s[2]), Double.parseDouble(s[3])));
            } catch (IllegalArgumentException e) {
                throw new ModelLoadException(NEIGHBOURS + " and the properties disagree: " + e.getMessage());
            }
        }
        return new IntentModel(labels, new TextFeatures(bits, b[0]), encoder,
                Float.parseFloat(require(meta, "embedding.weight")), new LinearHead((int) inputs, classes, b[1], b[2]),
                temperature, new ScopeRule(measure, detector, fused, threshold));
    }

    /** Where each intent's neighbours start, or null for a model saved before they were grouped. */
    private static int[] intentStarts(Properties meta, int classes) throws ModelLoadException {
        String value = meta.getProperty("scope.intentStarts");
        if (value == null) {
            return null;
        }
        String[] parts = value.split(",");
        if (parts.length != classes + 1) {
            throw new ModelLoadException("scope.intentStarts has " + parts.length + " values for " + classes
                    + " intents; expected " + (classes + 1));
        }
        int[] starts = new int[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                starts[i] = Integer.parseInt(parts[i].trim());
            }
        } catch (NumberFormatException e) {
            throw new ModelLoadException("scope.intentStarts is not a list of row numbers: " + value);
        }
        return starts;
    }

    private static float[][] blocks(Path directory, int magic, long... expected) throws IOException, ModelLoadException {
        return blocks(directory, NETWORK, magic, expected);
    }

    private static float[][] blocks(Path directory, String file, int magic, long... expected)
            throws IOException, ModelLoadException {
        float[][] blocks = new float[expected.length][];
        try (DataInputStream in = new DataInputStream(
                new BufferedInputStream(Files.newInputStream(directory.resolve(file)), 1 << 16))) {
            if (in.readInt() != magic) {
                throw new ModelLoadException(file + " is not a Merx model file of this format");
            }
            for (int b = 0; b < blocks.length; b++) {
                int length = in.readInt();
                if (length != expected[b]) {
                    throw new ModelLoadException(file + " block " + b + " holds " + length + " values, expected "
                            + expected[b]);
                }
                blocks[b] = new float[length];
                for (int i = 0; i < length; i++) {
                    blocks[b][i] = in.readFloat();
                }
            }
        }
        return blocks;
    }

    private static String require(Properties meta, String key) throws ModelLoadException {
        String value = meta.getProperty(key);
        if (value == null) {
            throw new ModelLoadException(META + ": missing '" + key + "'");
        }
        return value;
    }

    static Set<String> split(String list) {
        Set<String> values = new LinkedHashSet<>();
        Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(values::add);
        return values;
    }
}
