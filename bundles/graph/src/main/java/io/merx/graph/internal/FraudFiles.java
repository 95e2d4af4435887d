package io.merx.graph.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;

import io.merx.api.ModelLoadException;

/**
 * {@code fraud.properties} (format, weights, velocity window, hub threshold) and {@code fraud.bin}: the
 * identifiers, the accounts with their identifier indices, and the components.
 */
final class FraudFiles {

    static final String BASE = "fraud";
    static final int FORMAT = 1;
    private static final int MAX = 200_000_000;

    private FraudFiles() {
    }

    static void write(FraudModel model, Path directory) throws IOException {
        Properties meta = new Properties();
        FraudModel.Weights w = model.weights;
        meta.setProperty("bias", Double.toString(w.bias()));
        meta.setProperty("ringWeight", Double.toString(w.ring()));
        meta.setProperty("velocityWeight", Double.toString(w.velocity()));
        meta.setProperty("proximityWeight", Double.toString(w.proximity()));
        meta.setProperty("knownFraudWeight", Double.toString(w.knownFraud()));
        meta.setProperty("velocityDays", Integer.toString(model.velocityDays));
        meta.setProperty("maxSharedAccounts", Integer.toString(model.maxShared));
        SnapshotFiles.writeMeta(directory, BASE, FORMAT, meta);
        try (DataOutputStream out = SnapshotFiles.openData(directory, BASE)) {
            out.writeInt(model.types.length);
            for (int i = 0; i < model.types.length; i++) {
                out.writeUTF(model.types[i]);
                out.writeUTF(model.values[i]);
                out.writeInt(model.identifierAccounts[i]);
                out.writeInt(model.identifierDistance[i]);
                out.writeInt(model.identifierComponent[i]);
            }
            out.writeInt(model.accounts.length);
            for (int i = 0; i < model.accounts.length; i++) {
                out.writeUTF(model.accounts[i]);
                out.writeBoolean(model.fraud[i]);
                out.writeInt(model.accountComponent[i]);
                out.writeInt(model.hops[i]);
                out.writeInt(model.accountIdentifiers[i].length);
                for (int id : model.accountIdentifiers[i]) {
                    out.writeInt(id);
                }
            }
            out.writeInt(model.componentSize.length);
            for (int c = 0; c < model.componentSize.length; c++) {
                out.writeInt(model.componentSize[c]);
                out.writeInt(model.componentFraud[c]);
                out.writeInt(model.componentRecentOrders[c]);
            }
        }
    }

    static FraudModel read(Path directory) throws ModelLoadException {
        Properties meta = SnapshotFiles.readMeta(directory, BASE, FORMAT);
        try (DataInputStream in = SnapshotFiles.openDataIn(directory, BASE)) {
            FraudModel.Weights w = new FraudModel.Weights(num(meta, "bias"), num(meta, "ringWeight"),
                    num(meta, "velocityWeight"), num(meta, "proximityWeight"), num(meta, "knownFraudWeight"));
            int m = SnapshotFiles.readCount(in, "identifier", MAX);
            String[] types = new String[m];
            String[] values = new String[m];
            int[] accountsPer = new int[m];
            int[] distance = new int[m];
            int[] idComponent = new int[m];
            for (int i = 0; i < m; i++) {
                types[i] = in.readUTF();
                values[i] = in.readUTF();
                accountsPer[i] = in.readInt();
                distance[i] = in.readInt();
                idComponent[i] = in.readInt();
            }
            int n = SnapshotFiles.readCount(in, "account", MAX);
            String[] accounts = new String[n];
            boolean[] fraud = new boolean[n];
            int[] component = new int[n];
            int[] hops = new int[n];
            int[][] ids = new int[n][];
            for (int i = 0; i < n; i++) {
                accounts[i] = in.readUTF();
                fraud[i] = in.readBoolean();
                component[i] = in.readInt();
                hops[i] = in.readInt();
                ids[i] = new int[SnapshotFiles.readCount(in, "account identifier", m)];
                for (int k = 0; k < ids[i].length; k++) {
                    ids[i][k] = in.readInt();
                    if (ids[i][k] < 0 || ids[i][k] >= m) {
                        throw new IOException("corrupt file: identifier index " + ids[i][k]);
                    }
                }
            }
            int c = SnapshotFiles.readCount(in, "component", MAX);
            int[] size = new int[c];
            int[] fraudCount = new int[c];
            int[] recent = new int[c];
            for (int k = 0; k < c; k++) {
                size[k] = in.readInt();
                fraudCount[k] = in.readInt();
                recent[k] = in.readInt();
            }
            return new FraudModel(w, Integer.parseInt(meta.getProperty("velocityDays")),
                    Integer.parseInt(meta.getProperty("maxSharedAccounts")), accounts, fraud, component, hops, ids,
                    types, values, accountsPer, distance, idComponent, size, fraudCount, recent);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("cannot read graph.fraud model in " + directory + ": " + e.getMessage(), e);
        }
    }

    private static double num(Properties meta, String key) {
        double value = Double.parseDouble(meta.getProperty(key, "NaN"));
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(key + " is missing or not finite");
        }
        return value;
    }
}
