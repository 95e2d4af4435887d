package io.merx.graph.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;

import io.merx.api.ModelLoadException;

/**
 * {@code copurchase.properties} (format, basket level, ranking, minimum count, basket total) and
 * {@code copurchase.bin}: product count, then per product its id, category, support and partner list.
 */
final class CopurchaseFiles {

    static final String BASE = "copurchase";
    static final int FORMAT = 1;

    private CopurchaseFiles() {
    }

    static void write(CopurchaseModel model, Path directory) throws IOException {
        Properties meta = new Properties();
        meta.setProperty("basket", model.basketLevel);
        meta.setProperty("rankBy", model.rankBy);
        meta.setProperty("minCount", Integer.toString(model.minCount));
        meta.setProperty("baskets", Integer.toString(model.baskets));
        SnapshotFiles.writeMeta(directory, BASE, FORMAT, meta);
        try (DataOutputStream out = SnapshotFiles.openData(directory, BASE)) {
            out.writeInt(model.products.length);
            for (int i = 0; i < model.products.length; i++) {
                out.writeUTF(model.products[i]);
                SnapshotFiles.writeNullable(out, model.categories[i]);
                out.writeInt(model.support[i]);
                out.writeInt(model.partners[i].length);
                for (int k = 0; k < model.partners[i].length; k++) {
                    out.writeInt(model.partners[i][k]);
                    out.writeInt(model.pairCounts[i][k]);
                }
            }
        }
    }

    static CopurchaseModel read(Path directory) throws ModelLoadException {
        Properties meta = SnapshotFiles.readMeta(directory, BASE, FORMAT);
        try (DataInputStream in = SnapshotFiles.openDataIn(directory, BASE)) {
            int n = SnapshotFiles.readCount(in, "product", 100_000_000);
            String[] products = new String[n];
            String[] categories = new String[n];
            int[] support = new int[n];
            int[][] partners = new int[n][];
            int[][] counts = new int[n][];
            for (int i = 0; i < n; i++) {
                products[i] = in.readUTF();
                categories[i] = SnapshotFiles.readNullable(in);
                support[i] = in.readInt();
                int k = SnapshotFiles.readCount(in, "partner", n);
                partners[i] = new int[k];
                counts[i] = new int[k];
                for (int j = 0; j < k; j++) {
                    partners[i][j] = in.readInt();
                    counts[i][j] = in.readInt();
                    if (partners[i][j] < 0 || partners[i][j] >= n) {
                        throw new IOException("corrupt file: partner index " + partners[i][j]);
                    }
                }
            }
            return new CopurchaseModel(meta.getProperty("basket", "order"), meta.getProperty("rankBy", "lift"),
                    Integer.parseInt(meta.getProperty("minCount", "1")), Integer.parseInt(meta.getProperty("baskets")),
                    products, categories, support, partners, counts);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("cannot read graph.copurchase model in " + directory + ": " + e.getMessage(), e);
        }
    }
}
