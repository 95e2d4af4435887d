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

import io.merx.api.ModelLoadException;

/**
 * The on-disk format, version 1: {@code assistant.properties} (format, intents, sizes, temperature, threshold,
 * routing policy, order-number pattern), {@code network.bin} (big-endian floats: IDF, then the two layers'
 * weights and biases) and {@code knowledge-base.tsv}. Plain Java streams: loading needs neither ND4J nor DL4J.
 */
final class AssistantFiles {

    static final String META = "assistant.properties";
    static final String NETWORK = "network.bin";
    static final String KNOWLEDGE_BASE = "knowledge-base.tsv";
    static final int FORMAT = 1;
    private static final int MAGIC = 0x4d584e31; // "MXN1"

    private AssistantFiles() {
    }

    static void write(Assistant a, Path directory) throws IOException {
        IntentNetwork n = a.network();
        Properties meta = new Properties();
        meta.setProperty("format", Integer.toString(FORMAT));
        meta.setProperty("intents", Integer.toString(n.labels().size()));
        for (int i = 0; i < n.labels().size(); i++) {
            meta.setProperty("intent." + i, n.labels().get(i));
        }
        meta.setProperty("hashBits", Integer.toString(Integer.numberOfTrailingZeros(n.features().dimension())));
        meta.setProperty("hidden", Integer.toString(n.hidden()));
        meta.setProperty("temperature", Double.toString(n.temperature()));
        meta.setProperty("threshold", Double.toString(a.threshold()));
        meta.setProperty("urgentIntents", String.join(",", a.routing().urgentIntents()));
        meta.setProperty("humanIntents", String.join(",", a.routing().humanIntents()));
        meta.setProperty("negativeThreshold", Double.toString(a.routing().negativeThreshold()));
        meta.setProperty("orderIdPattern", a.patterns().orderPattern());
        try (OutputStream out = Files.newOutputStream(directory.resolve(META))) {
            meta.store(out, "Merx nlp.customer-service model");
        }
        try (DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(Files.newOutputStream(directory.resolve(NETWORK)), 1 << 16))) {
            out.writeInt(MAGIC);
            for (float[] block : List.of(n.features().idf(), n.w1(), n.b1(), n.w2(), n.b2())) {
                out.writeInt(block.length);
                for (float f : block) {
                    out.writeFloat(f);
                }
            }
        }
        a.knowledgeBase().write(directory.resolve(KNOWLEDGE_BASE));
    }

    static Assistant read(Path directory) throws ModelLoadException {
        try {
            Properties meta = new Properties();
            try (InputStream in = Files.newInputStream(directory.resolve(META))) {
                meta.load(in);
            }
            String format = meta.getProperty("format", "");
            if (!Integer.toString(FORMAT).equals(format)) {
                throw new ModelLoadException("unsupported nlp.customer-service format '" + format + "', expected "
                        + FORMAT);
            }
            int intents = Integer.parseInt(meta.getProperty("intents"));
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < intents; i++) {
                labels.add(require(meta, "intent." + i));
            }
            int bits = Integer.parseInt(require(meta, "hashBits"));
            int hidden = Integer.parseInt(require(meta, "hidden"));
            int dimension = 1 << bits;
            float[][] blocks = new float[5][];
            long[] expected = {dimension, (long) dimension * hidden, hidden, (long) hidden * intents, intents};
            try (DataInputStream in = new DataInputStream(
                    new BufferedInputStream(Files.newInputStream(directory.resolve(NETWORK)), 1 << 16))) {
                if (in.readInt() != MAGIC) {
                    throw new ModelLoadException(NETWORK + " is not a Merx intent network");
                }
                for (int b = 0; b < blocks.length; b++) {
                    int length = in.readInt();
                    if (length != expected[b]) {
                        throw new ModelLoadException(NETWORK + " block " + b + " holds " + length + " values, expected "
                                + expected[b]);
                    }
                    blocks[b] = new float[length];
                    for (int i = 0; i < length; i++) {
                        blocks[b][i] = in.readFloat();
                    }
                }
            }
            double temperature = Double.parseDouble(require(meta, "temperature"));
            double threshold = Double.parseDouble(require(meta, "threshold"));
            IntentNetwork network = new IntentNetwork(labels, new TextFeatures(bits, blocks[0]), hidden, blocks[1],
                    blocks[2], blocks[3], blocks[4], temperature);
            KnowledgeBase kb;
            try (InputStream in = Files.newInputStream(directory.resolve(KNOWLEDGE_BASE))) {
                kb = KnowledgeBase.parse(in, KNOWLEDGE_BASE);
            }
            Routing routing = new Routing(split(meta.getProperty("urgentIntents", "")),
                    split(meta.getProperty("humanIntents", "")),
                    Double.parseDouble(require(meta, "negativeThreshold")));
            return new Assistant(network, kb, routing, threshold, new PatternEntities(require(meta, "orderIdPattern")));
        } catch (NoSuchFileException e) {
            throw new ModelLoadException("missing model file " + e.getFile(), e);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("cannot read nlp.customer-service model in " + directory + ": "
                    + e.getMessage(), e);
        }
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
