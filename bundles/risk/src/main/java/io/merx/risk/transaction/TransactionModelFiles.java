package io.merx.risk.transaction;

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
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import io.merx.sdk.kind.PlattScaling;

/**
 * The artifact of a {@code risk.transaction} model: {@code transaction.properties} (format 1: features, scaling,
 * weights, calibration, costs, graph source) and {@code snapshot.bin} (the orders behind the velocity features,
 * then the identifier graph: hub threshold, account-identifier edges, known-fraud accounts). Loading rebuilds the
 * history and the graph from the snapshot, which gives the same structures as training built.
 */
final class TransactionModelFiles {

    static final String PROPERTIES = "transaction.properties";
    static final String SNAPSHOT = "snapshot.bin";
    static final int FORMAT = 1;

    private TransactionModelFiles() {
    }

    static void write(TransactionModel model, Path directory) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", Integer.toString(FORMAT));
        p.setProperty("features", String.join(",", model.features()));
        p.setProperty("mean", join(model.mean()));
        p.setProperty("scale", join(model.scale()));
        p.setProperty("beta", join(model.beta()));
        p.setProperty("calibration.a", Double.toString(model.calibration().a()));
        p.setProperty("calibration.b", Double.toString(model.calibration().b()));
        p.setProperty("cost.missedFraud", Double.toString(model.costs().missedFraudCost()));
        p.setProperty("cost.blockedGood", Double.toString(model.costs().blockedGoodCost()));
        p.setProperty("cost.review", Double.toString(model.costs().reviewCost()));
        p.setProperty("graphSource", model.graphSource());
        try (OutputStream out = Files.newOutputStream(directory.resolve(PROPERTIES))) {
            p.store(out, "risk.transaction model");
        }
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(directory.resolve(SNAPSHOT))))) {
            out.writeInt(FORMAT);
            out.writeInt(model.orders().size());
            for (Order o : model.orders()) {
                out.writeUTF(o.id());
                out.writeUTF(o.account());
                out.writeLong(o.time());
                out.writeLong(o.accountCreatedDay());
                out.writeDouble(o.amount());
                out.writeDouble(o.items());
                for (String s : new String[] {o.card(), o.device(), o.address(), o.billing(), o.email()}) {
                    writeNullable(out, s);
                }
            }
            IdentifierGraph graph = model.graph();
            out.writeBoolean(graph != null);
            if (graph != null) {
                out.writeInt(graph.maxShared());
                out.writeInt(graph.uses().size());
                for (IdentifierGraph.Use use : graph.uses()) {
                    out.writeUTF(use.account());
                    out.writeUTF(use.type());
                    out.writeUTF(use.value());
                }
                List<String> fraud = new ArrayList<>(graph.fraudAccounts());
                fraud.sort(null);
                out.writeInt(fraud.size());
                for (String account : fraud) {
                    out.writeUTF(account);
                }
            }
        }
    }

    static TransactionModel read(Path directory) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(directory.resolve(PROPERTIES))) {
            p.load(in);
        } catch (NoSuchFileException e) {
            throw new IOException("not a risk.transaction model: " + PROPERTIES + " is missing");
        }
        String format = p.getProperty("format");
        if (!Integer.toString(FORMAT).equals(format)) {
            throw new IOException("risk.transaction model format " + format + " is not supported (this version reads "
                    + FORMAT + ")");
        }
        try {
            List<String> features = List.of(p.getProperty("features").split(","));
            PlattScaling calibration = new PlattScaling(Double.parseDouble(p.getProperty("calibration.a")),
                    Double.parseDouble(p.getProperty("calibration.b")));
            CostPolicy costs = new CostPolicy(Double.parseDouble(p.getProperty("cost.missedFraud")),
                    Double.parseDouble(p.getProperty("cost.blockedGood")),
                    Double.parseDouble(p.getProperty("cost.review")));
            double[] mean = split(p.getProperty("mean"));
            double[] scale = split(p.getProperty("scale"));
            double[] beta = split(p.getProperty("beta"));
            if (mean.length != features.size() || scale.length != features.size()
                    || beta.length != features.size() + 1) {
                throw new IOException("risk.transaction model is corrupt: " + features.size() + " features but "
                        + mean.length + " means, " + scale.length + " scales, " + beta.length + " weights");
            }
            List<Order> orders = new ArrayList<>();
            IdentifierGraph graph = null;
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                    Files.newInputStream(directory.resolve(SNAPSHOT))))) {
                if (in.readInt() != FORMAT) {
                    throw new IOException("risk.transaction snapshot has an unsupported format");
                }
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    orders.add(new Order(in.readUTF(), in.readUTF(), in.readLong(), in.readLong(), in.readDouble(),
                            in.readDouble(), readNullable(in), readNullable(in), readNullable(in), readNullable(in),
                            readNullable(in)));
                }
                if (in.readBoolean()) {
                    int maxShared = in.readInt();
                    int uses = in.readInt();
                    List<IdentifierGraph.Use> edges = new ArrayList<>(uses);
                    for (int i = 0; i < uses; i++) {
                        edges.add(new IdentifierGraph.Use(in.readUTF(), in.readUTF(), in.readUTF()));
                    }
                    int fraudCount = in.readInt();
                    Set<String> fraud = new HashSet<>();
                    for (int i = 0; i < fraudCount; i++) {
                        fraud.add(in.readUTF());
                    }
                    graph = IdentifierGraph.of(edges, fraud, maxShared);
                }
            }
            boolean withGraph = features.size() == OrderFeatures.names(true).size();
            if (withGraph != (graph != null) || !features.equals(OrderFeatures.names(withGraph))) {
                throw new IOException("risk.transaction model is corrupt: its features do not match its snapshot");
            }
            return new TransactionModel(features, mean, scale, beta, calibration, costs, p.getProperty("graphSource"),
                    List.copyOf(orders), OrderHistory.of(orders), graph);
        } catch (RuntimeException e) {
            throw new IOException("risk.transaction model is corrupt: " + e.getMessage(), e);
        }
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static String join(double[] values) {
        return String.join(",", Arrays.stream(values).mapToObj(Double::toString).toList());
    }

    private static double[] split(String text) {
        return Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble).toArray();
    }
}
