package io.merx.customers.internal.segments;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.merx.api.ModelLoadException;

/**
 * The on-disk format: {@code segments.properties} (format version, categories, scaler, segments with labels,
 * descriptions, sizes and centroids, the as-of day) and {@code customers.bin} (each training customer's id,
 * segment and raw features). Format 1 is read by every kind version 1.x.
 */
final class SegmentFiles {

    static final String META = "segments.properties";
    static final String CUSTOMERS = "customers.bin";
    static final int FORMAT = 1;

    private SegmentFiles() {
    }

    static void write(SegmentModel model, Path directory) throws IOException {
        Properties meta = new Properties();
        meta.setProperty("format", Integer.toString(FORMAT));
        meta.setProperty("asOfDay", Integer.toString(model.asOfDay()));
        meta.setProperty("categories", Integer.toString(model.categories().size()));
        for (int c = 0; c < model.categories().size(); c++) {
            meta.setProperty("category." + c, model.categories().get(c));
        }
        meta.setProperty("scaler.means", join(model.scaler().means()));
        meta.setProperty("scaler.stds", join(model.scaler().stds()));
        meta.setProperty("scaler.weights", join(model.scaler().weights()));
        meta.setProperty("k", Integer.toString(model.segments().size()));
        for (Segment s : model.segments()) {
            String p = "segment." + s.id() + ".";
            meta.setProperty(p + "label", s.label());
            meta.setProperty(p + "description", s.description());
            meta.setProperty(p + "size", Integer.toString(s.size()));
            meta.setProperty(p + "centroid", join(s.centroid()));
        }
        try (OutputStream out = Files.newOutputStream(directory.resolve(META))) {
            meta.store(out, "Merx customers.segments model");
        }
        try (DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(Files.newOutputStream(directory.resolve(CUSTOMERS))))) {
            out.writeInt(model.members().size());
            for (Map.Entry<String, SegmentModel.Member> e : model.members().entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().segment());
                for (double f : e.getValue().features()) {
                    out.writeDouble(f);
                }
            }
        }
    }

    static SegmentModel read(Path directory) throws ModelLoadException {
        try {
            Properties meta = new Properties();
            try (InputStream in = Files.newInputStream(directory.resolve(META))) {
                meta.load(in);
            }
            String format = meta.getProperty("format", "");
            if (!Integer.toString(FORMAT).equals(format)) {
                throw new ModelLoadException("unsupported customers.segments format '" + format + "', expected "
                        + FORMAT);
            }
            List<String> categories = new ArrayList<>();
            int categoryCount = Integer.parseInt(required(meta, "categories"));
            for (int c = 0; c < categoryCount; c++) {
                categories.add(required(meta, "category." + c));
            }
            int d = RfmFeatures.BASE_COUNT + categoryCount;
            Scaler scaler = new Scaler(numbers(meta, "scaler.means", d), numbers(meta, "scaler.stds", d),
                    numbers(meta, "scaler.weights", d));
            int k = Integer.parseInt(required(meta, "k"));
            List<Segment> segments = new ArrayList<>();
            for (int id = 1; id <= k; id++) {
                String p = "segment." + id + ".";
                segments.add(new Segment(id, required(meta, p + "label"), required(meta, p + "description"),
                        Integer.parseInt(required(meta, p + "size")), numbers(meta, p + "centroid", d)));
            }
            Map<String, SegmentModel.Member> members = new LinkedHashMap<>();
            try (DataInputStream in = new DataInputStream(
                    new BufferedInputStream(Files.newInputStream(directory.resolve(CUSTOMERS))))) {
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    String id = in.readUTF();
                    int segment = in.readInt();
                    if (segment < 1 || segment > k) {
                        throw new ModelLoadException(CUSTOMERS + ": customer " + (i + 1) + " has segment " + segment
                                + " of " + k);
                    }
                    double[] features = new double[d];
                    for (int j = 0; j < d; j++) {
                        features[j] = in.readDouble();
                    }
                    members.put(id, new SegmentModel.Member(segment, features));
                }
            }
            return new SegmentModel(categories, scaler, segments, Integer.parseInt(required(meta, "asOfDay")),
                    members);
        } catch (NoSuchFileException e) {
            throw new ModelLoadException("missing model file " + Path.of(e.getFile()).getFileName(), e);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("cannot read customers.segments model: " + e.getMessage(), e);
        }
    }

    private static String required(Properties meta, String key) throws ModelLoadException {
        String value = meta.getProperty(key);
        if (value == null) {
            throw new ModelLoadException(META + " lacks '" + key + "'");
        }
        return value;
    }

    private static double[] numbers(Properties meta, String key, int length) throws ModelLoadException {
        String[] parts = required(meta, key).split(",");
        if (parts.length != length) {
            throw new ModelLoadException(META + ": '" + key + "' holds " + parts.length + " numbers, expected " + length);
        }
        return Arrays.stream(parts).mapToDouble(Double::parseDouble).toArray();
    }

    private static String join(double[] values) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ",").append(values[i]);
        }
        return s.toString();
    }
}
