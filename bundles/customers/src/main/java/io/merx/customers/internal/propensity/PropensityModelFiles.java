package io.merx.customers.internal.propensity;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The on-disk format, text so an operator can read the weights: {@code propensity.properties} (format, target,
 * horizon, categories, the arrays as comma-separated doubles, which {@link Double#toString} round-trips exactly)
 * and {@code customers.tsv} (customer id, then the raw features as of the data's end). Format 1.
 */
final class PropensityModelFiles {

    static final String META = "propensity.properties";
    static final String CUSTOMERS = "customers.tsv";
    static final int FORMAT = 1;

    private PropensityModelFiles() {
    }

    static void write(PropensityModel model, Path directory) throws IOException {
        Properties meta = new Properties();
        meta.setProperty("format", Integer.toString(FORMAT));
        meta.setProperty("target", model.target());
        meta.setProperty("horizonDays", Integer.toString(model.horizonDays()));
        meta.setProperty("categories", String.join("\t", model.categories()));
        meta.setProperty("features", String.join("\t", model.featureNames()));
        meta.setProperty("means", join(model.means()));
        meta.setProperty("stds", join(model.stds()));
        meta.setProperty("rawMeans", join(model.rawMeans()));
        meta.setProperty("weights", join(model.weights()));
        meta.setProperty("bias", Double.toString(model.bias()));
        meta.setProperty("plattA", Double.toString(model.plattA()));
        meta.setProperty("plattB", Double.toString(model.plattB()));
        meta.setProperty("dataEnd", model.dataEnd().toString());
        try (OutputStream out = Files.newOutputStream(directory.resolve(META))) {
            meta.store(out, "Merx customers.propensity model");
        }
        try (BufferedWriter out = Files.newBufferedWriter(directory.resolve(CUSTOMERS), StandardCharsets.UTF_8)) {
            for (Map.Entry<String, double[]> customer : model.customers().entrySet()) {
                out.write(customer.getKey().replace('\t', ' ').replace('\n', ' '));
                for (double v : customer.getValue()) {
                    out.write('\t');
                    out.write(Double.toString(v));
                }
                out.write('\n');
            }
        }
    }

    static PropensityModel read(Path directory) throws IOException {
        try {
            Properties meta = new Properties();
            try (InputStream in = Files.newInputStream(directory.resolve(META))) {
                meta.load(in);
            }
            String format = meta.getProperty("format", "");
            if (!Integer.toString(FORMAT).equals(format)) {
                throw new IOException("unsupported customers.propensity format '" + format + "', expected " + FORMAT);
            }
            String categoryList = meta.getProperty("categories", "");
            List<String> categories = categoryList.isEmpty() ? List.of() : List.of(categoryList.split("\t", -1));
            int d = BehaviourFeatures.names(categories).size();
            Map<String, double[]> customers = new LinkedHashMap<>();
            try (BufferedReader in = Files.newBufferedReader(directory.resolve(CUSTOMERS), StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    String[] parts = line.split("\t", -1);
                    customers.put(parts[0], doubles(Arrays.copyOfRange(parts, 1, parts.length), d, CUSTOMERS));
                }
            }
            return new PropensityModel(required(meta, "target"), Integer.parseInt(required(meta, "horizonDays")),
                    categories, doubles(meta, "means", d), doubles(meta, "stds", d), doubles(meta, "rawMeans", d),
                    doubles(meta, "weights", d), Double.parseDouble(required(meta, "bias")),
                    Double.parseDouble(required(meta, "plattA")), Double.parseDouble(required(meta, "plattB")),
                    LocalDate.parse(required(meta, "dataEnd")), customers);
        } catch (NoSuchFileException e) {
            throw new IOException("missing model file " + e.getFile(), e);
        } catch (RuntimeException e) {
            throw new IOException("cannot read customers.propensity model in " + directory + ": " + e.getMessage(), e);
        }
    }

    private static String join(double[] values) {
        List<String> parts = new ArrayList<>();
        for (double v : values) {
            parts.add(Double.toString(v));
        }
        return String.join(",", parts);
    }

    private static String required(Properties meta, String key) throws IOException {
        String value = meta.getProperty(key);
        if (value == null) {
            throw new IOException(META + ": missing '" + key + "'");
        }
        return value;
    }

    private static double[] doubles(Properties meta, String key, int size) throws IOException {
        return doubles(required(meta, key).split(","), size, META + " '" + key + "'");
    }

    private static double[] doubles(String[] parts, int size, String where) throws IOException {
        if (parts.length != size) {
            throw new IOException(where + " holds " + parts.length + " values for " + size + " features");
        }
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = Double.parseDouble(parts[i]);
            if (!Double.isFinite(values[i])) {
                throw new IOException(where + " value " + (i + 1) + " is not finite");
            }
        }
        return values;
    }
}
