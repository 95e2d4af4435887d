package io.merx.customers.internal.segments;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;
import io.merx.customers.internal.DemoOrders;
import io.merx.customers.internal.SyntheticOrders;

/**
 * customers.segments through its kind (train, save, load) on Superstore (MIT, ../shared/data) and on the generated
 * demo shop, whose true groups are known:
 * <ul>
 * <li>k chosen by the mean silhouette over 2..8, the silhouette per k, training time;</li>
 * <li>stability: {@code PAIRS} pairs of retrains, each on its own bootstrap sample of customers (order lines of a
 * drawn customer copied under a new id), both models then place every original customer; adjusted Rand index
 * between the two placements and the share of customers given the same segment id;</li>
 * <li>demo shop: adjusted Rand index of the segments against the true groups at k = 5 (the number of groups);</li>
 * <li>features (log-transformed, unscaled) and Merx's assignments written to {@code target/bench/} for peers.py,
 * which runs scikit-learn's KMeans on the same protocol; the segment map PNG to {@code docs/images/}.</li>
 * </ul>
 */
public final class SegmentsBenchmark {

    static final int PAIRS = 10;

    private static final SegmentsKind KIND = new SegmentsKind();

    private SegmentsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("merx.root", "."));
        Path out = root.resolve("benchmarks/customers/target/bench");
        Files.createDirectories(out);
        Dataset superstore = superstore(root.resolve("../shared/data/superstore.csv"));
        Map<String, Object> columns = Map.of("customerColumn", "Customer ID", "dateColumn", "Order Date",
                "amountColumn", "Sales", "orderColumn", "Order ID", "itemColumn", "Product ID",
                "categoryColumn", "Category");
        System.out.println("== Superstore: " + superstore.rowCount() + " order lines");
        int k = report("superstore", superstore, columns, out);
        stability("superstore", superstore, columns, k, out);

        SyntheticOrders shop = DemoOrders.shop();
        System.out.println("== Demo shop (generated, 5 true groups): " + shop.dataset().rowCount() + " order lines");
        report("demo", shop.dataset(), Map.of(), out);
        Map<String, Object> five = new HashMap<>(Map.of("k", 5));
        SegmentModel atFive = trainAndLoad(shop.dataset(), five, out.resolve("demo-k5"));
        List<String> ids = new ArrayList<>(atFive.members().keySet());
        int[] segments = new int[ids.size()];
        int[] truth = new int[ids.size()];
        Map<String, Integer> groupIndex = new HashMap<>();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("demo-truth.csv")))) {
            w.println("customer,group");
            for (int i = 0; i < ids.size(); i++) {
                segments[i] = atFive.members().get(ids.get(i)).segment();
                String group = shop.truth(ids.get(i)).group();
                truth[i] = groupIndex.computeIfAbsent(group, g -> groupIndex.size());
                w.println(ids.get(i) + "," + group);
            }
        }
        System.out.printf(Locale.ROOT, "demo k=5: adjusted Rand index vs the true groups %.3f%n",
                AdjustedRand.index(segments, truth));
        SegmentMap.write(atFive, root.resolve("docs/images/customer-segments.png"), "Demo shop: customer segments");
    }

    /** Trains with k chosen by silhouette, prints the figures and writes the features for the peers; returns k. */
    private static int report(String name, Dataset data, Map<String, Object> columns, Path out) throws Exception {
        long start = System.nanoTime();
        SegmentModel model;
        Map<String, Double> metrics;
        Path dir = out.resolve(name + "-model");
        try (TrainedModel trained = train(data, columns)) {
            metrics = trained.provenance().metrics();
            recreate(dir);
            trained.save(dir);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        model = SegmentFiles.read(dir);
        int k = metrics.get("k").intValue();
        StringBuilder perK = new StringBuilder();
        for (int c = 2; c <= 8; c++) {
            perK.append(String.format(Locale.ROOT, " k%d=%.3f", c, metrics.get("silhouette@k" + c)));
        }
        System.out.printf(Locale.ROOT, "%s: %d customers, chose k=%d, silhouette %.3f, train %.1f s (k 2..8, 5 "
                + "restarts each)%n  silhouette per k:%s%n", name, model.customerCount(), k, metrics.get("silhouette"),
                seconds, perK);
        for (Segment s : model.segments()) {
            System.out.printf(Locale.ROOT, "  segment %d [%s]: %s%n", s.id(), s.label(), s.description());
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve(name + "-features.csv")))) {
            List<String> names = RfmFeatures.names(model.categories());
            w.println("customer," + String.join(",", names) + ",weight_categories,merx_segment");
            for (Map.Entry<String, SegmentModel.Member> e : model.members().entrySet()) {
                double[] t = RfmFeatures.transform(e.getValue().features());
                StringBuilder line = new StringBuilder(e.getKey().replace(",", "_"));
                for (double v : t) {
                    line.append(',').append(v);
                }
                line.append(',').append(model.scaler().weights()[t.length - 1]);
                w.println(line.append(',').append(e.getValue().segment()));
            }
        }
        return k;
    }

    /** {@link #PAIRS} pairs of retrains on bootstrap samples; ARI and same-id share of their placements. */
    private static void stability(String name, Dataset data, Map<String, Object> columns, int k, Path out)
            throws Exception {
        String customerColumn = (String) columns.getOrDefault("customerColumn", "customer");
        String[] customers = data.strings(customerColumn);
        List<String> ids = new ArrayList<>(new LinkedHashMap<String, Boolean>() {
            {
                for (String c : customers) {
                    put(c, true);
                }
            }
        }.keySet());
        SegmentModel full = trainAndLoad(data, withK(columns, k), out.resolve(name + "-full"));
        double sumAri = 0;
        double sumAri2 = 0;
        double sumSame = 0;
        for (int pair = 0; pair < PAIRS; pair++) {
            SegmentModel a = trainAndLoad(bootstrap(data, customerColumn, ids, 1000 + 2 * pair),
                    withSeed(withK(columns, k), 2 * pair), out.resolve(name + "-boot-a"));
            SegmentModel b = trainAndLoad(bootstrap(data, customerColumn, ids, 1001 + 2 * pair),
                    withSeed(withK(columns, k), 2 * pair + 1), out.resolve(name + "-boot-b"));
            int[] sa = new int[ids.size()];
            int[] sb = new int[ids.size()];
            int same = 0;
            for (int i = 0; i < ids.size(); i++) {
                double[] raw = full.members().get(ids.get(i)).features();
                sa[i] = a.assign(raw).id();
                sb[i] = b.assign(raw).id();
                same += sa[i] == sb[i] ? 1 : 0;
            }
            double ari = AdjustedRand.index(sa, sb);
            sumAri += ari;
            sumAri2 += ari * ari;
            sumSame += (double) same / ids.size();
        }
        double mean = sumAri / PAIRS;
        System.out.printf(Locale.ROOT, "%s stability at k=%d over %d bootstrap pairs: adjusted Rand index %.3f "
                + "(sd %.3f), same segment id for %.1f%% of customers%n", name, k, PAIRS, mean,
                Math.sqrt(Math.max(0, sumAri2 / PAIRS - mean * mean)), 100 * sumSame / PAIRS);
    }

    private static Map<String, Object> withK(Map<String, Object> columns, int k) {
        Map<String, Object> hp = new HashMap<>(columns);
        hp.put("k", k);
        return hp;
    }

    private static Map<String, Object> withSeed(Map<String, Object> hp, long seed) {
        Map<String, Object> copy = new HashMap<>(hp);
        copy.put("seed", seed);
        return copy;
    }

    /** The order lines of customers drawn with replacement; the j-th copy of a customer gets id "#j" appended. */
    static Dataset bootstrap(Dataset data, String customerColumn, List<String> ids, long seed) {
        Random random = new Random(seed);
        Map<String, Integer> copies = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            copies.merge(ids.get(random.nextInt(ids.size())), 1, Integer::sum);
        }
        String[] customers = data.strings(customerColumn);
        List<Integer> rows = new ArrayList<>();
        List<String> newIds = new ArrayList<>();
        for (int copy = 1; copy <= copies.values().stream().mapToInt(Integer::intValue).max().orElse(0); copy++) {
            for (int r = 0; r < customers.length; r++) {
                if (copies.getOrDefault(customers[r], 0) >= copy) {
                    rows.add(r);
                    newIds.add(customers[r] + "#" + copy);
                }
            }
        }
        Dataset.Builder builder = Dataset.builder();
        for (String column : data.columnNames()) {
            if (column.equals(customerColumn)) {
                builder.strings(column, newIds.toArray(String[]::new));
            } else if (data.isNumeric(column)) {
                double[] values = data.numbers(column);
                builder.numbers(column, rows.stream().mapToDouble(r -> values[r]).toArray());
            } else {
                String[] values = data.strings(column);
                builder.strings(column, rows.stream().map(r -> values[r]).toArray(String[]::new));
            }
        }
        return builder.build();
    }

    private static TrainedModel train(Dataset data, Map<String, Object> hp) throws Exception {
        return KIND.newTrainer(HyperParameters.of(KIND.parameters(), hp)).train(data, TrainingContext.silent());
    }

    private static SegmentModel trainAndLoad(Dataset data, Map<String, Object> hp, Path dir) throws Exception {
        try (TrainedModel trained = train(data, hp)) {
            recreate(dir);
            trained.save(dir);
        }
        return SegmentFiles.read(dir);
    }

    private static void recreate(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(dir);
    }

    /** Superstore as the runtime's CSV reader would give it: text columns, and Sales as numbers. */
    static Dataset superstore(Path file) throws IOException {
        List<String> header;
        List<CSVRecord> records;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                        .parse(reader)) {
            header = parser.getHeaderNames();
            records = parser.getRecords();
        }
        Dataset.Builder builder = Dataset.builder();
        for (String column : List.of("Order ID", "Order Date", "Customer ID", "Product ID", "Category", "Sales")) {
            if (!header.contains(column)) {
                throw new IllegalArgumentException(file + " lacks column " + column);
            }
            if (column.equals("Sales")) {
                builder.numbers(column, records.stream().mapToDouble(r -> Double.parseDouble(r.get(column))).toArray());
            } else {
                builder.strings(column, records.stream().map(r -> r.get(column)).toArray(String[]::new));
            }
        }
        return builder.build();
    }
}
