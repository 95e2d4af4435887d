package io.merx.recommendation.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.merx.api.ModelLoadException;

/**
 * The on-disk format, version 1:
 * <ul>
 * <li>{@code recommendation.properties}: format, kind, counts, rank and the ALS settings fold-in needs;</li>
 * <li>{@code catalog.bin}: user, item and category ids (length-prefixed UTF-8), item categories, item
 * popularity and each user's training items and weights (CSR), big-endian;</li>
 * <li>{@code factors.nd4j} (ALS, and LightGCN's final embeddings): user factors then item factors, float32
 * matrices in ND4J's binary format;</li>
 * <li>{@code neighbours.bin} (item-kNN and EASE only): the item-item rows (CSR offsets, items, weights),
 * big-endian;</li>
 * <li>{@code sequence.bin} (sequential only): the network's shape (dim, blocks, maxLength, items), its weights
 * and each user's latest items in time order (CSR), big-endian; {@code factors.nd4j} then holds the users'
 * encodings and the item embeddings;</li>
 * <li>{@code ann.bin} (ALS with an index only): the HNSW graphs of {@link AnnIndex}, items then unit items, each
 * level's rows (CSR), big-endian; the properties {@code ann=hnsw}, {@code annM}, {@code annEfConstruction} and
 * {@code annEfSearch} say it is there and how it was built.</li>
 * </ul>
 * The properties {@code method} (what ranks known users) and {@code fallbackBelow} (users with fewer items get
 * popularity) came later in format 1; files without them are ALS or popularity models with no fallback, as
 * before. So did the index: a model without {@code ann} scans exactly, as before. Every 1.x version of the kinds reads format 1.
 */
final class ModelFiles {

    static final String META = "recommendation.properties";
    static final String CATALOG = "catalog.bin";
    static final String FACTORS = "factors.nd4j";
    static final String NEIGHBOURS = "neighbours.bin";
    static final String SEQUENCE = "sequence.bin";
    static final String ANN = "ann.bin";
    static final int FORMAT = 1;
    private static final int MAGIC = 0x4D525843;

    private ModelFiles() {
    }

    static void write(ModelData model, String kind, Path directory) throws IOException {
        Properties meta = new Properties();
        meta.setProperty("format", Integer.toString(FORMAT));
        meta.setProperty("kind", kind);
        meta.setProperty("users", Integer.toString(model.userIds.length));
        meta.setProperty("items", Integer.toString(model.itemIds.length));
        meta.setProperty("interactions", Integer.toString(model.seenItems.length));
        meta.setProperty("rank", Integer.toString(model.rank()));
        meta.setProperty("alpha", Double.toString(model.alpha));
        meta.setProperty("regularisation", Double.toString(model.regularisation));
        meta.setProperty("scaleRegularisation", Boolean.toString(model.scaleRegularisation));
        meta.setProperty("method", model.method);
        meta.setProperty("fallbackBelow", Integer.toString(model.fallbackBelow));
        if (model.ann != null) {
            AnnConfig ann = model.ann.config;
            meta.setProperty("ann", "hnsw");
            meta.setProperty("annMinItems", Integer.toString(ann.minItems()));
            meta.setProperty("annM", Integer.toString(ann.m()));
            meta.setProperty("annEfConstruction", Integer.toString(ann.efConstruction()));
            meta.setProperty("annEfSearch", Integer.toString(ann.efSearch()));
            meta.setProperty("annThreads", Integer.toString(ann.threads()));
        }
        try (OutputStream out = Files.newOutputStream(directory.resolve(META))) {
            meta.store(out, "Merx " + kind + " model");
        }
        try (DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(Files.newOutputStream(directory.resolve(CATALOG)), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            writeStrings(out, model.userIds);
            writeStrings(out, model.itemIds);
            writeStrings(out, model.categories);
            writeInts(out, model.itemCategory);
            writeInts(out, model.popularity);
            writeInts(out, model.seenPtr);
            writeInts(out, model.seenItems);
            out.writeInt(model.seenWeights.length);
            for (float w : model.seenWeights) {
                out.writeFloat(w);
            }
        }
        if (model.neighbours != null) {
            try (DataOutputStream out = new DataOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(directory.resolve(NEIGHBOURS)), 1 << 16))) {
                out.writeInt(MAGIC);
                out.writeInt(FORMAT);
                writeInts(out, model.neighbours.ptr());
                writeInts(out, model.neighbours.items());
                out.writeInt(model.neighbours.weights().length);
                for (float w : model.neighbours.weights()) {
                    out.writeFloat(w);
                }
            }
        }
        if (model.sequence != null) {
            writeSequence(model.sequence, directory.resolve(SEQUENCE));
        }
        if (model.factors != null) {
            int k = model.rank();
            try (DataOutputStream out = new DataOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(directory.resolve(FACTORS)), 1 << 16));
                    INDArray users = matrix(model.factors.users(), k);
                    INDArray items = matrix(model.factors.items(), k)) {
                Nd4j.write(users, out);
                Nd4j.write(items, out);
            }
        }
        if (model.ann != null) {
            try (DataOutputStream out = new DataOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(directory.resolve(ANN)), 1 << 16))) {
                out.writeInt(MAGIC);
                out.writeInt(FORMAT);
                model.ann.write(out);
            }
        }
    }

    private static INDArray matrix(float[] rows, int k) {
        return Nd4j.create(rows, new long[] {rows.length / k, k}, 'c');
    }

    static ModelData read(Path directory, String expectedKind) throws ModelLoadException {
        try {
            Properties meta = new Properties();
            try (InputStream in = Files.newInputStream(directory.resolve(META))) {
                meta.load(in);
            }
            String format = meta.getProperty("format", "");
            if (!Integer.toString(FORMAT).equals(format)) {
                throw new ModelLoadException("unsupported recommendation model format '" + format + "', expected "
                        + FORMAT);
            }
            String kind = meta.getProperty("kind", "");
            if (!kind.equals(expectedKind)) {
                throw new ModelLoadException("the model in " + directory + " is of kind '" + kind + "', not '"
                        + expectedKind + "'");
            }
            int rank = Integer.parseInt(meta.getProperty("rank", "0"));
            String[] users;
            String[] items;
            String[] categories;
            int[] itemCategory;
            int[] popularity;
            int[] seenPtr;
            int[] seenItems;
            float[] seenWeights;
            try (DataInputStream in = new DataInputStream(
                    new BufferedInputStream(Files.newInputStream(directory.resolve(CATALOG)), 1 << 16))) {
                if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                    throw new ModelLoadException(CATALOG + " is not a format " + FORMAT + " catalogue");
                }
                users = readStrings(in);
                items = readStrings(in);
                categories = readStrings(in);
                itemCategory = readInts(in);
                popularity = readInts(in);
                seenPtr = readInts(in);
                seenItems = readInts(in);
                seenWeights = new float[checkedLength(in.readInt())];
                for (int i = 0; i < seenWeights.length; i++) {
                    seenWeights[i] = in.readFloat();
                }
            }
            check(itemCategory.length == items.length && popularity.length == items.length
                    && seenPtr.length == users.length + 1 && seenItems.length == seenWeights.length
                    && seenPtr[users.length] == seenItems.length, "array lengths do not match");
            for (int c : itemCategory) {
                check(c >= -1 && c < categories.length, "item category out of range");
            }
            for (int i : seenItems) {
                check(i >= 0 && i < items.length, "seen item out of range");
            }
            for (int u = 0; u < users.length; u++) {
                check(seenPtr[u] <= seenPtr[u + 1], "user offsets not increasing");
            }
            Factors factors = null;
            if (rank > 0) {
                factors = readFactors(directory.resolve(FACTORS), rank, users.length, items.length);
            }
            String method = meta.getProperty("method", rank > 0 ? Method.ALS : Method.POPULARITY);
            ItemNeighbours neighbours = null;
            SequenceModel sequence = null;
            if (Method.ITEM_KNN.equals(method) || Method.EASE.equals(method)) {
                neighbours = readNeighbours(directory.resolve(NEIGHBOURS), items.length);
            } else if (Method.SEQUENTIAL.equals(method)) {
                check(rank > 0, "a sequential model without encodings");
                sequence = readSequence(directory.resolve(SEQUENCE), users.length, items.length, rank);
            } else {
                check(rank > 0 ? method.equals(Method.ALS) || method.equals(Method.GRAPH)
                        : method.equals(Method.POPULARITY), "unknown method '" + method + "'");
            }
            int fallbackBelow = Integer.parseInt(meta.getProperty("fallbackBelow", "0"));
            check(fallbackBelow >= 0, "negative fallbackBelow");
            ModelData model = new ModelData(users, items, itemCategory, categories, popularity, seenPtr, seenItems,
                    seenWeights, factors, Double.parseDouble(meta.getProperty("alpha", "0")),
                    Double.parseDouble(meta.getProperty("regularisation", "0")),
                    Boolean.parseBoolean(meta.getProperty("scaleRegularisation", "false")), neighbours, method,
                    fallbackBelow, sequence, null);
            if (meta.getProperty("ann") == null) {
                return model;
            }
            check("hnsw".equals(meta.getProperty("ann")) && factors != null, "unknown index '"
                    + meta.getProperty("ann") + "'");
            return model.withAnn(readAnn(directory.resolve(ANN), annConfig(meta), items.length));
        } catch (NoSuchFileException e) {
            throw new ModelLoadException("missing model file " + e.getFile(), e);
        } catch (ModelLoadException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("cannot read recommendation model in " + directory + ": " + e, e);
        }
    }

    private static void writeSequence(SequenceModel sequence, Path file) throws IOException {
        SasrecNetwork net = sequence.network();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(net.dim);
            out.writeInt(net.blocks);
            out.writeInt(net.maxLength);
            out.writeInt(net.items);
            out.writeInt(net.params.length);
            for (float w : net.params) {
                out.writeFloat(w);
            }
            writeInts(out, sequence.tailPtr());
            writeInts(out, sequence.tailItems());
        }
    }

    private static SequenceModel readSequence(Path file, int users, int items, int rank) throws IOException,
            ModelLoadException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new ModelLoadException(SEQUENCE + " is not a format " + FORMAT + " sequential model");
            }
            int dim = in.readInt();
            int blocks = in.readInt();
            int maxLength = in.readInt();
            int netItems = in.readInt();
            check(dim == rank && netItems == items && blocks > 0 && maxLength > 1,
                    "the sequential network does not match the catalogue");
            float[] params = new float[checkedLength(in.readInt())];
            for (int i = 0; i < params.length; i++) {
                params[i] = in.readFloat();
            }
            int[] ptr = readInts(in);
            int[] tail = readInts(in);
            check(ptr.length == users + 1 && ptr[0] == 0 && ptr[users] == tail.length, "user tails do not match");
            for (int u = 0; u < users; u++) {
                check(ptr[u] <= ptr[u + 1] && ptr[u + 1] - ptr[u] <= maxLength, "user tail offsets out of order");
            }
            for (int item : tail) {
                check(item >= 0 && item < items, "tail item out of range");
            }
            SasrecNetwork net;
            try {
                net = new SasrecNetwork(dim, blocks, maxLength, items, params);
            } catch (IllegalArgumentException e) {
                throw new ModelLoadException("corrupt recommendation model: " + e.getMessage(), e);
            }
            String bad = net.firstNonFinite();
            check(bad == null, "sequential weight " + bad + " is not finite");
            return new SequenceModel(net, ptr, tail);
        }
    }

    private static AnnConfig annConfig(Properties meta) throws ModelLoadException {
        AnnConfig config = new AnnConfig(Integer.parseInt(meta.getProperty("annMinItems", "0")),
                Integer.parseInt(meta.getProperty("annM", "0")),
                Integer.parseInt(meta.getProperty("annEfConstruction", "0")),
                Integer.parseInt(meta.getProperty("annEfSearch", "0")),
                Integer.parseInt(meta.getProperty("annThreads", "1")));
        check(config.m() > 0 && config.efConstruction() > 0 && config.efSearch() > 0, "index settings out of range");
        return config;
    }

    private static AnnIndex readAnn(Path file, AnnConfig config, int items) throws IOException, ModelLoadException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new ModelLoadException(ANN + " is not a format " + FORMAT + " index");
            }
            try {
                return AnnIndex.read(in, config, items);
            } catch (IOException e) {
                throw new ModelLoadException("corrupt recommendation model: index: "
                        + (e instanceof java.io.EOFException ? "truncated" : e.getMessage()), e);
            }
        }
    }

    private static ItemNeighbours readNeighbours(Path file, int items) throws IOException, ModelLoadException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new ModelLoadException(NEIGHBOURS + " is not a format " + FORMAT + " item-item model");
            }
            int[] ptr = readInts(in);
            int[] columns = readInts(in);
            float[] weights = new float[checkedLength(in.readInt())];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = in.readFloat();
            }
            check(ptr.length == items + 1 && ptr[0] == 0 && ptr[items] == columns.length
                    && columns.length == weights.length, "item-item rows do not match the catalogue");
            for (int i = 0; i < items; i++) {
                check(ptr[i] <= ptr[i + 1], "item-item offsets not increasing");
            }
            for (int c : columns) {
                check(c >= 0 && c < items, "item-item column out of range");
            }
            ItemNeighbours neighbours = new ItemNeighbours(ptr, columns, weights);
            check(neighbours.firstNonFinite() < 0, "an item-item weight is not finite");
            return neighbours;
        }
    }

    private static Factors readFactors(Path file, int rank, int users, int items) throws IOException,
            ModelLoadException {
        float[] userRows;
        float[] itemRows;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            userRows = floats(Nd4j.read(in), users, rank, "user");
            itemRows = floats(Nd4j.read(in), items, rank, "item");
        }
        Factors factors = new Factors(rank, userRows, itemRows);
        String bad = factors.firstNonFinite();
        check(bad == null, bad + " is not finite");
        return factors;
    }

    /** Copies a matrix to the heap and frees its native buffer. */
    private static float[] floats(INDArray matrix, int rows, int rank, String what) throws ModelLoadException {
        try (INDArray m = matrix) {
            check(m.rank() == 2 && m.rows() == rows && m.columns() == rank, FACTORS + ": " + what
                    + " factors have shape " + Arrays.toString(m.shape()) + ", expected [" + rows + ", "
                    + rank + "]");
            check(m.dataType() == DataType.FLOAT && m.ordering() == 'c' && !m.isView(),
                    FACTORS + ": " + what + " factors must be a float32 row-major matrix");
            float[] rowsOut = m.data().asFloat();
            check(rowsOut.length == (long) rows * rank, FACTORS + ": " + what + " factor buffer has the wrong size");
            return rowsOut;
        }
    }

    private static void check(boolean ok, String problem) throws ModelLoadException {
        if (!ok) {
            throw new ModelLoadException("corrupt recommendation model: " + problem);
        }
    }

    private static int checkedLength(int n) throws IOException {
        if (n < 0 || n > 500_000_000) {
            throw new IOException("implausible array length " + n);
        }
        return n;
    }

    private static void writeStrings(DataOutputStream out, String[] values) throws IOException {
        out.writeInt(values.length);
        for (String value : values) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    private static String[] readStrings(DataInputStream in) throws IOException {
        String[] values = new String[checkedLength(in.readInt())];
        for (int i = 0; i < values.length; i++) {
            byte[] bytes = new byte[checkedLength(in.readInt())];
            in.readFully(bytes);
            values[i] = new String(bytes, StandardCharsets.UTF_8);
        }
        return values;
    }

    static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }

    static int[] readInts(DataInputStream in) throws IOException {
        int[] values = new int[checkedLength(in.readInt())];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readInt();
        }
        return values;
    }
}
