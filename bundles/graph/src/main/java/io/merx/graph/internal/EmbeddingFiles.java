package io.merx.graph.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.merx.api.ModelLoadException;

/**
 * {@code embedding.properties} (format, dimension, iteration weights), {@code embedding.bin} (customers with
 * what they bought, products with category and popularity) and {@code embedding.nd4j} (customer then product
 * vectors, ND4J binary).
 */
final class EmbeddingFiles {

    static final String BASE = "embedding";
    static final String VECTORS = "embedding.nd4j";
    static final int FORMAT = 1;
    private static final int MAX = 200_000_000;

    private EmbeddingFiles() {
    }

    static void write(EmbeddingModel model, Path directory) throws IOException {
        Properties meta = new Properties();
        meta.setProperty("dimension", Integer.toString(model.dimension()));
        meta.setProperty("iterationWeights", model.weights);
        SnapshotFiles.writeMeta(directory, BASE, FORMAT, meta);
        try (DataOutputStream out = SnapshotFiles.openData(directory, BASE)) {
            out.writeInt(model.products.length);
            for (int i = 0; i < model.products.length; i++) {
                out.writeUTF(model.products[i]);
                SnapshotFiles.writeNullable(out, model.categories[i]);
                out.writeInt(model.popularity[i]);
            }
            out.writeInt(model.customers.length);
            for (int i = 0; i < model.customers.length; i++) {
                out.writeUTF(model.customers[i]);
                out.writeInt(model.bought[i].length);
                for (int p : model.bought[i]) {
                    out.writeInt(p);
                }
            }
        }
        try (DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(Files.newOutputStream(directory.resolve(VECTORS))))) {
            Nd4j.write(model.customerVectors, out);
            Nd4j.write(model.productVectors, out);
        }
    }

    static EmbeddingModel read(Path directory) throws ModelLoadException {
        Properties meta = SnapshotFiles.readMeta(directory, BASE, FORMAT);
        INDArray customerVectors = null;
        INDArray productVectors = null;
        try (DataInputStream in = SnapshotFiles.openDataIn(directory, BASE)) {
            int p = SnapshotFiles.readCount(in, "product", MAX);
            String[] products = new String[p];
            String[] categories = new String[p];
            int[] popularity = new int[p];
            for (int i = 0; i < p; i++) {
                products[i] = in.readUTF();
                categories[i] = SnapshotFiles.readNullable(in);
                popularity[i] = in.readInt();
            }
            int c = SnapshotFiles.readCount(in, "customer", MAX);
            String[] customers = new String[c];
            int[][] bought = new int[c][];
            for (int i = 0; i < c; i++) {
                customers[i] = in.readUTF();
                bought[i] = new int[SnapshotFiles.readCount(in, "bought", p)];
                for (int k = 0; k < bought[i].length; k++) {
                    bought[i][k] = in.readInt();
                }
            }
            try (DataInputStream vectors = new DataInputStream(
                    new BufferedInputStream(Files.newInputStream(directory.resolve(VECTORS))))) {
                customerVectors = Nd4j.read(vectors);
                productVectors = Nd4j.read(vectors);
            }
            int dimension = Integer.parseInt(meta.getProperty("dimension"));
            if (customerVectors.rows() != c || productVectors.rows() != p || productVectors.columns() != dimension
                    || customerVectors.columns() != dimension) {
                throw new IOException(VECTORS + " does not match " + c + " customers, " + p + " products, dimension "
                        + dimension);
            }
            return new EmbeddingModel(customers, products, categories, popularity, bought, customerVectors,
                    productVectors, meta.getProperty("iterationWeights", ""));
        } catch (NoSuchFileException e) {
            close(customerVectors, productVectors);
            throw new ModelLoadException("missing model file " + e.getFile(), e);
        } catch (IOException | RuntimeException e) {
            close(customerVectors, productVectors);
            throw new ModelLoadException("cannot read graph.embedding model in " + directory + ": " + e.getMessage(), e);
        }
    }

    private static void close(INDArray... arrays) {
        for (INDArray a : arrays) {
            if (a != null) {
                a.close();
            }
        }
    }
}
