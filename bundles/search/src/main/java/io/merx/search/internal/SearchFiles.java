package io.merx.search.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import io.merx.api.ModelLoadException;

/**
 * A search model's files: {@code search.properties} (format, settings, the embedding model), {@code catalogue.bin}
 * (the products as trained) and, for models trained with embeddings, {@code embeddings.bin} (one float row per
 * product). The BM25 index is not stored: {@link Bm25Index} rebuilds it from the catalogue on load.
 */
final class SearchFiles {

    static final int FORMAT = 1;
    private static final String PROPERTIES = "search.properties";
    private static final String CATALOGUE = "catalogue.bin";
    private static final String EMBEDDINGS = "embeddings.bin";

    /**
     * What a model directory holds.
     *
     * @param embeddings one row per product, or null
     * @param embeddingModel the encoder that made them, or "" without embeddings
     */
    record Stored(Catalogue catalogue, float[][] embeddings, String embeddingModel, SearchSettings settings) {
    }

    private SearchFiles() {
    }

    static void write(Stored model, Path directory) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", Integer.toString(FORMAT));
        p.setProperty("products", Integer.toString(model.catalogue().size()));
        p.setProperty("embeddingModel", model.embeddingModel());
        p.setProperty("k1", Double.toString(model.settings().k1()));
        p.setProperty("b", Double.toString(model.settings().b()));
        p.setProperty("semanticWeight", Double.toString(model.settings().semanticWeight()));
        p.setProperty("candidates", Integer.toString(model.settings().candidates()));
        try (Writer out = Files.newBufferedWriter(directory.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
            p.store(out, "merx search.semantic model");
        }
        try (DataOutputStream out = data(Files.newOutputStream(directory.resolve(CATALOGUE)))) {
            writeCatalogue(model.catalogue(), out);
        }
        if (model.embeddings() != null) {
            try (DataOutputStream out = data(Files.newOutputStream(directory.resolve(EMBEDDINGS)))) {
                writeEmbeddings(model.embeddings(), out);
            }
        }
    }

    static Stored read(Path directory) throws ModelLoadException {
        try {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(directory.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
                p.load(in);
            }
            int format = Integer.parseInt(p.getProperty("format", "0"));
            if (format != FORMAT) {
                throw new ModelLoadException("search model format " + format + " is not supported (this kind reads "
                        + FORMAT + ")");
            }
            SearchSettings settings = new SearchSettings(Double.parseDouble(p.getProperty("k1")),
                    Double.parseDouble(p.getProperty("b")), Double.parseDouble(p.getProperty("semanticWeight")),
                    Integer.parseInt(p.getProperty("candidates")));
            Catalogue catalogue;
            try (DataInputStream in = data(Files.newInputStream(directory.resolve(CATALOGUE)))) {
                catalogue = readCatalogue(in);
            }
            String embeddingModel = p.getProperty("embeddingModel", "");
            float[][] embeddings = null;
            if (!embeddingModel.isEmpty()) {
                try (DataInputStream in = data(Files.newInputStream(directory.resolve(EMBEDDINGS)))) {
                    embeddings = readEmbeddings(in, catalogue.size());
                }
            }
            return new Stored(catalogue, embeddings, embeddingModel, settings);
        } catch (NoSuchFileException e) {
            throw new ModelLoadException("the search model is incomplete: " + e.getFile() + " is missing", e);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("the search model cannot be read: " + e.getMessage(), e);
        }
    }

    private static void writeCatalogue(Catalogue c, DataOutputStream out) throws IOException {
        out.writeInt(c.size());
        out.writeInt(c.categoryNames().size());
        for (String category : c.categoryNames()) {
            writeText(out, category);
        }
        for (int i = 0; i < c.size(); i++) {
            writeText(out, c.ids()[i]);
            writeText(out, c.titles()[i]);
            writeText(out, c.descriptions()[i]);
            out.writeInt(c.categories()[i]);
            out.writeBoolean(c.available()[i]);
        }
    }

    private static Catalogue readCatalogue(DataInputStream in) throws IOException {
        int n = in.readInt();
        int categoryCount = in.readInt();
        List<String> categoryNames = new ArrayList<>(categoryCount);
        for (int c = 0; c < categoryCount; c++) {
            categoryNames.add(readText(in));
        }
        String[] ids = new String[n];
        String[] titles = new String[n];
        String[] descriptions = new String[n];
        int[] categories = new int[n];
        boolean[] available = new boolean[n];
        for (int i = 0; i < n; i++) {
            ids[i] = readText(in);
            titles[i] = readText(in);
            descriptions[i] = readText(in);
            categories[i] = in.readInt();
            available[i] = in.readBoolean();
            if (categories[i] < -1 || categories[i] >= categoryCount) {
                throw new IOException("product " + ids[i] + " has category " + categories[i] + " of " + categoryCount);
            }
        }
        return new Catalogue(ids, titles, descriptions, categoryNames, categories, available);
    }

    private static void writeEmbeddings(float[][] rows, DataOutputStream out) throws IOException {
        int dimension = rows[0].length;
        out.writeInt(rows.length);
        out.writeInt(dimension);
        ByteBuffer row = ByteBuffer.allocate(4 * dimension).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] embedding : rows) {
            row.clear();
            row.asFloatBuffer().put(embedding);
            out.write(row.array());
        }
    }

    private static float[][] readEmbeddings(DataInputStream in, int products) throws IOException {
        int n = in.readInt();
        int dimension = in.readInt();
        if (n != products || dimension < 1) {
            throw new IOException("embeddings hold " + n + " rows of " + dimension + " for " + products + " products");
        }
        float[][] rows = new float[n][dimension];
        byte[] bytes = new byte[4 * dimension];
        for (float[] row : rows) {
            in.readFully(bytes);
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(row);
        }
        return rows;
    }

    /** Length-prefixed UTF-8: descriptions may be longer than {@code writeUTF}'s 64 KB. */
    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 64 << 20) {
            throw new IOException("a text of " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static DataOutputStream data(OutputStream out) {
        return new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
    }

    private static DataInputStream data(InputStream in) {
        return new DataInputStream(new BufferedInputStream(in, 1 << 16));
    }
}
