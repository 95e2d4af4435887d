package io.merx.risk.review;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Format 1 of a saved {@link ReviewModel}: {@code review.properties} (weights, standardisation, calibration,
 * thresholds; doubles in Java's round-trip text), {@code polarity.tsv} (token, log-count ratio) and
 * {@code history.tsv} (reviewer, product, time, account creation, rating, MinHash signature; no review text).
 */
final class ReviewModelFiles {

    static final int FORMAT = 1;

    private ReviewModelFiles() {
    }

    static void write(ReviewModel model, Path directory) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", String.valueOf(FORMAT));
        p.setProperty("features", String.join(",", ReviewFeatures.NAMES));
        p.setProperty("groups", String.join(",", model.groups));
        p.setProperty("means", join(model.means));
        p.setProperty("stds", join(model.stds));
        p.setProperty("weights", join(model.weights));
        p.setProperty("plattA", Double.toString(model.plattA));
        p.setProperty("plattB", Double.toString(model.plattB));
        p.setProperty("reviewAt", Double.toString(model.reviewAt));
        p.setProperty("blockAt", Double.toString(model.blockAt));
        p.setProperty("dataEnd", Long.toString(model.dataEnd));
        try (Writer w = Files.newBufferedWriter(directory.resolve("review.properties"), StandardCharsets.UTF_8)) {
            // sorted by key so two saves of one model are byte-identical
            for (String key : new TreeMap<>(Map.copyOf(p)).keySet().stream().map(Object::toString).toList()) {
                w.write(key + "=" + p.getProperty(key) + "\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(directory.resolve("polarity.tsv"), StandardCharsets.UTF_8)) {
            for (Map.Entry<String, Double> e : new TreeMap<>(model.polarity.ratios()).entrySet()) {
                w.write(e.getKey() + "\t" + e.getValue() + "\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(directory.resolve("history.tsv"), StandardCharsets.UTF_8)) {
            List<Review> reviews = model.history.reviews();
            for (int i = 0; i < reviews.size(); i++) {
                Review r = reviews.get(i);
                w.write(clean(r.reviewer()) + "\t" + clean(r.product()) + "\t" + r.time() + "\t"
                        + (r.accountKnown() ? Long.toString(r.accountCreated()) : "") + "\t" + r.rating() + "\t"
                        + Arrays.stream(model.history.signatures().get(i)).mapToObj(Integer::toString)
                                .collect(Collectors.joining(",")) + "\n");
            }
        }
    }

    static ReviewModel read(Path directory) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(directory.resolve("review.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            throw new IOException("not a risk.review model: review.properties is missing", e);
        }
        if (!String.valueOf(FORMAT).equals(p.getProperty("format"))) {
            throw new IOException("risk.review model format " + p.getProperty("format") + " is not readable by this "
                    + "version (reads format " + FORMAT + ")");
        }
        Map<String, Double> ratios = new TreeMap<>();
        try (BufferedReader r = Files.newBufferedReader(directory.resolve("polarity.tsv"), StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                int tab = line.lastIndexOf('\t');
                ratios.put(line.substring(0, tab), Double.parseDouble(line.substring(tab + 1)));
            }
        }
        ReviewHistory history = new ReviewHistory();
        try (BufferedReader r = Files.newBufferedReader(directory.resolve("history.tsv"), StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split("\t", -1);
                int[] signature = Arrays.stream(f[5].split(",")).mapToInt(Integer::parseInt).toArray();
                history.add(new Review(f[0], f[1], Long.parseLong(f[2]),
                        f[3].isEmpty() ? Review.UNKNOWN : Long.parseLong(f[3]), Integer.parseInt(f[4]), ""),
                        signature);
            }
        }
        try {
            return new ReviewModel(new TextPolarity(ratios), history, List.of(p.getProperty("groups").split(",")),
                    doubles(p, "means"), doubles(p, "stds"), doubles(p, "weights"), number(p, "plattA"),
                    number(p, "plattB"), number(p, "reviewAt"), number(p, "blockAt"),
                    Long.parseLong(p.getProperty("dataEnd")));
        } catch (RuntimeException e) {
            throw new IOException("risk.review model is corrupt: " + e.getMessage(), e);
        }
    }

    private static String clean(String id) {
        return id.replace('\t', ' ').replace('\n', ' ');
    }

    private static String join(double[] values) {
        return Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(","));
    }

    private static double[] doubles(Properties p, String key) {
        return Arrays.stream(p.getProperty(key).split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static double number(Properties p, String key) {
        return Double.parseDouble(p.getProperty(key));
    }
}
