package io.merx.customers.internal.segments;

import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.ParameterSpec;
import io.merx.api.ScoreRequest;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;
import io.merx.customers.internal.CustomerHistories;
import io.merx.customers.internal.CustomerHistory;
import io.merx.customers.internal.OrderColumns;
import io.merx.customers.internal.OrderDates;
import io.merx.sdk.kind.BaseTrainer;

/**
 * Segments customers: RFM features at the end of the data (or {@code asOf}), standardised, k-means with
 * k-means++ and restarts for each candidate k, k chosen by the highest mean silhouette (or given), segments
 * numbered by {@link SegmentOrder} and named by {@link SegmentNamer}. Metrics: {@code k}, {@code silhouette} (of
 * the chosen clustering, on all customers or a seeded sample of {@code silhouetteSample}), {@code silhouette@k<n>}
 * per candidate, {@code inertia}, {@code customers}, {@code size.<id>}. Segmentation has no held-out truth: the
 * silhouette describes how separated the segments are; stability across retrains is measured in the benchmark.
 */
final class SegmentsTrainer extends BaseTrainer {

    static final List<ParameterSpec> PARAMETERS = parameters();

    private static List<ParameterSpec> parameters() {
        List<ParameterSpec> all = new ArrayList<>(List.of(
                ParameterSpec.integer("k", 0, 0, 30, "number of segments; 0 chooses k in kMin..kMax by the mean silhouette"),
                ParameterSpec.integer("kMin", 2, 2, 30, "smallest k tried when k is 0"),
                ParameterSpec.integer("kMax", 8, 2, 30, "largest k tried when k is 0"),
                ParameterSpec.integer("restarts", 5, 1, 100, "k-means++ restarts per k; the run of least inertia wins"),
                ParameterSpec.integer("iterations", 100, 1, 10_000, "most Lloyd iterations per run"),
                ParameterSpec.real("categoryWeight", 0.5, 0, 10,
                        "weight of each standardised category share against recency, frequency, value and tenure (1)"),
                ParameterSpec.integer("maxCategories", 8, 0, 100,
                        "category-mix features for at most this many categories, those of most spend"),
                ParameterSpec.text("asOf", "",
                        "ISO date to measure features at (default: the last order date); later orders are ignored"),
                ParameterSpec.integer("silhouetteSample", 2_000, 100, 20_000,
                        "customers the silhouette is computed on (a seeded sample when there are more)"),
                ParameterSpec.integer("seed", 42, 0, Long.MAX_VALUE, "seed of k-means++ and the silhouette sample")));
        all.addAll(OrderColumns.PARAMETERS);
        return List.copyOf(all);
    }

    private final Integer asOf;

    SegmentsTrainer(ModelKind kind, HyperParameters hp) {
        super(kind, hp);
        if (hp.getInt("k") == 0 && hp.getInt("kMin") > hp.getInt("kMax")) {
            throw new IllegalArgumentException("hyper-parameter 'kMax' (" + hp.getInt("kMax")
                    + ") must be at least kMin (" + hp.getInt("kMin") + ")");
        }
        String text = hp.getString("asOf");
        try {
            asOf = text.isBlank() ? null : OrderDates.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("hyper-parameter 'asOf' must be an ISO-8601 date such as 2016-11-08,"
                    + " got '" + text + "'");
        }
    }

    @Override
    public TrainedModel train(Dataset data, TrainingContext context) throws TrainingException {
        CustomerHistories histories = CustomerHistories.from(data, OrderColumns.of(hp));
        if (asOf != null) {
            histories = histories.asOf(asOf);
        }
        List<String> categories = topCategories(histories, hp.getInt("maxCategories"));
        int[] categoryIndex = categories.stream().mapToInt(histories.categories()::indexOf).toArray();
        int n = histories.size();
        double[][] raw = new double[n][];
        double[][] transformed = new double[n][];
        for (int i = 0; i < n; i++) {
            raw[i] = RfmFeatures.of(histories.customers().get(i), histories.endDay(), categoryIndex);
            transformed[i] = RfmFeatures.transform(raw[i]);
        }
        Scaler scaler = Scaler.fit(transformed, hp.getDouble("categoryWeight"));
        double[][] z = new double[n][];
        for (int i = 0; i < n; i++) {
            z[i] = scaler.apply(transformed[i]);
        }
        int kMin = hp.getInt("k") > 0 ? hp.getInt("k") : hp.getInt("kMin");
        int kMax = hp.getInt("k") > 0 ? hp.getInt("k") : Math.min(hp.getInt("kMax"), n - 1);
        if (n < kMin + 1) {
            throw new IllegalArgumentException("segmenting into " + kMin + " segments needs at least " + (kMin + 1)
                    + " customers, the data has " + n);
        }
        context.progress(0.05, n + " customers, " + z[0].length + " features");

        int[] sample = sample(n, hp.getInt("silhouetteSample"), hp.getLong("seed"));
        double[][] sampleRows = new double[sample.length][];
        for (int i = 0; i < sample.length; i++) {
            sampleRows[i] = z[sample[i]];
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        KMeans.Clustering best = null;
        double bestSilhouette = Double.NEGATIVE_INFINITY;
        for (int k = kMin; k <= kMax; k++) {
            checkCancelled(context, "before k=" + k);
            KMeans.Clustering clustering = KMeans.fit(z, k, hp.getInt("restarts"), hp.getInt("iterations"),
                    hp.getLong("seed") + k);
            int[] sampleAssignment = new int[sample.length];
            for (int i = 0; i < sample.length; i++) {
                sampleAssignment[i] = clustering.assignment()[sample[i]];
            }
            double silhouette = Silhouette.mean(sampleRows, sampleAssignment, k);
            metrics.put("silhouette@k" + k, silhouette);
            context.progress(0.1 + 0.8 * (k - kMin + 1) / (kMax - kMin + 1),
                    String.format(java.util.Locale.ROOT, "k=%d silhouette=%.3f", k, silhouette));
            if (silhouette > bestSilhouette) {
                bestSilhouette = silhouette;
                best = clustering;
            }
        }
        SegmentModel model = model(histories, categories, scaler, raw, best);
        metrics.put("k", (double) best.k());
        metrics.put("silhouette", bestSilhouette);
        metrics.put("inertia", best.inertia());
        metrics.put("customers", (double) n);
        for (Segment s : model.segments()) {
            metrics.put("size." + s.id(), (double) s.size());
        }
        context.progress(1.0, "done: k=" + best.k() + " silhouette=" + bestSilhouette);
        return TrainedModel.of(provenance(data, metrics), SegmentsScorer.SCHEMA, warmup(model, histories),
                directory -> SegmentFiles.write(model, directory));
    }

    private static SegmentModel model(CustomerHistories histories, List<String> categories, Scaler scaler,
            double[][] raw, KMeans.Clustering clustering) {
        Integer[] order = SegmentOrder.of(clustering.centroids());
        int[] idOfCluster = new int[order.length];
        for (int id = 1; id <= order.length; id++) {
            idOfCluster[order[id - 1]] = id;
        }
        List<List<double[]>> members = new ArrayList<>();
        for (int c = 0; c < order.length; c++) {
            members.add(new ArrayList<>());
        }
        Map<String, SegmentModel.Member> byCustomer = new LinkedHashMap<>();
        for (int i = 0; i < raw.length; i++) {
            int cluster = clustering.assignment()[i];
            members.get(cluster).add(raw[i]);
            byCustomer.put(histories.customers().get(i).customer(),
                    new SegmentModel.Member(idOfCluster[cluster], raw[i]));
        }
        List<String> labels = new ArrayList<>();
        for (Integer cluster : order) {
            labels.add(SegmentNamer.label(clustering.centroids()[cluster], scaler, categories));
        }
        labels = SegmentNamer.unique(labels);
        List<Segment> segments = new ArrayList<>();
        for (int id = 1; id <= order.length; id++) {
            int cluster = order[id - 1];
            List<double[]> rows = members.get(cluster);
            // k-means never leaves a cluster empty at the end: an emptied cluster is re-seeded on a row.
            segments.add(new Segment(id, labels.get(id - 1),
                    rows.isEmpty() ? "0 customers" : SegmentNamer.description(rows, raw.length, categories),
                    rows.size(), clustering.centroids()[cluster]));
        }
        return new SegmentModel(categories, scaler, segments, histories.endDay(), byCustomer);
    }

    /** Categories of most total spend, at most {@code max}, in the data's order of first appearance. */
    private static List<String> topCategories(CustomerHistories histories, int max) {
        List<String> all = histories.categories();
        double[] spend = new double[all.size()];
        for (CustomerHistory h : histories.customers()) {
            double[] s = h.categorySpend();
            for (int c = 0; c < s.length; c++) {
                spend[c] += s[c];
            }
        }
        List<Integer> byIndex = new ArrayList<>();
        for (int c = 0; c < all.size(); c++) {
            byIndex.add(c);
        }
        byIndex.sort(Comparator.comparingDouble((Integer c) -> -spend[c]));
        List<Integer> kept = new ArrayList<>(byIndex.subList(0, Math.min(max, byIndex.size())));
        kept.sort(Comparator.naturalOrder());
        List<String> names = new ArrayList<>();
        for (int c : kept) {
            names.add(all.get(c));
        }
        return names;
    }

    /** Rows the silhouette is computed on: all of them, or a seeded sample of {@code max}. */
    private static int[] sample(int n, int max, long seed) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        if (n <= max) {
            return rows;
        }
        Random random = new Random(seed);
        for (int i = 0; i < max; i++) {
            int j = i + random.nextInt(n - i);
            int t = rows[i];
            rows[i] = rows[j];
            rows[j] = t;
        }
        int[] sample = java.util.Arrays.copyOf(rows, max);
        java.util.Arrays.sort(sample);
        return sample;
    }

    private static List<ScoreRequest> warmup(SegmentModel model, CustomerHistories histories) {
        Segment first = model.segment(1);
        return List.of(ScoreRequest.of(Map.of(SegmentsScorer.CUSTOMER, histories.customers().get(0).customer())),
                ScoreRequest.of(Map.of(RfmFeatures.RECENCY, 30, RfmFeatures.FREQUENCY, 3, RfmFeatures.MONETARY,
                        50.0, RfmFeatures.TENURE, 200)),
                ScoreRequest.of(Map.of(SegmentsScorer.CUSTOMER, firstMember(model, first.id()))));
    }

    private static String firstMember(SegmentModel model, int segment) {
        for (Map.Entry<String, SegmentModel.Member> e : model.members().entrySet()) {
            if (e.getValue().segment() == segment) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("segment " + segment + " has no customer");
    }
}
