package io.merx.risk.review;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ScoreRequest;
import io.merx.api.Scorer;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;

/**
 * risk.review on a generated world of reviews over the 5,000 real fine-food texts ({@link FakeReviews}, benchmark
 * settings): trains through the kind API with every feature group and with each group left out, prints the
 * held-out PR-AUC, ROC-AUC and recall at 1 % FPR, the recall per kind of abuse, and the scoring latency of one
 * review; writes features.csv (the trainer's own rows: split, label, abuse kind, Merx's probability on the
 * evaluation slice, features) for the scikit-learn peers in peers.py.
 *
 * <p>Usage: {@code ReviewBenchmark <data directory> <out directory> <seed>}
 */
public final class ReviewBenchmark {

    private ReviewBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        long seed = Long.parseLong(args[2]);
        List<FakeReviews.Text> texts = new ArrayList<>(texts(data.resolve("fine_foods_train.csv")));
        texts.addAll(texts(data.resolve("fine_foods_test.csv")));
        FakeReviews.Settings settings = FakeReviews.Settings.benchmark();
        FakeReviews.Generated world = FakeReviews.generate(texts, settings, seed);
        Dataset dataset = world.dataset();
        Map<String, Integer> kinds = new TreeMap<>();
        world.truth().forEach(t -> kinds.merge(t, 1, Integer::sum));
        System.out.println("world: " + texts.size() + " real texts, " + settings + ", seed " + seed + ": "
                + dataset.rowCount() + " reviews " + kinds);

        ReviewKind kind = new ReviewKind();
        Map<String, Map<String, Double>> runs = new LinkedHashMap<>();
        Path full = Files.createDirectories(out.resolve("model-all"));
        long t0 = System.nanoTime();
        runs.put("all groups", train(kind, dataset, Map.of(), full));
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        runs.put("all, balanced classes", train(kind, dataset, Map.of("classWeight", "balanced"),
                Files.createDirectories(out.resolve("model-balanced"))));
        for (String left : ReviewFeatures.GROUPS) {
            List<String> kept = new ArrayList<>(ReviewFeatures.GROUPS);
            kept.remove(left);
            runs.put("without " + left, train(kind, dataset, Map.of("featureGroups", String.join(",", kept)),
                    Files.createDirectories(out.resolve("model-without-" + left))));
        }
        System.out.printf(Locale.ROOT, "%nMerx risk.review, held out (newest 20 %% by time), training %.1f s:%n",
                trainSeconds);
        System.out.printf(Locale.ROOT, "%-22s %8s %8s %12s%n", "features", "PR-AUC", "ROC-AUC", "recall@1%FPR");
        runs.forEach((name, m) -> System.out.printf(Locale.ROOT, "%-22s %8.3f %8.3f %12.3f%n", name, m.get("prAuc"),
                m.get("rocAuc"), m.get("recallAt1PctFpr")));
        Map<String, Double> all = runs.get("all groups");
        System.out.printf(Locale.ROOT, "decision 'review or block' (p >= 0.30): precision %.3f, recall %.3f, "
                + "genuine reviews held %.3f; abuse rate %.3f of %d held-out reviews%n", all.get("flaggedPrecision"),
                all.get("flaggedRecall"), all.get("genuineFlaggedRate"), all.get("evaluationAbuseRate"),
                Math.round(all.get("evaluationRows")));

        TrainingRows rows = TrainingRows.of(dataset, "abuse", 0.2, 0.2);
        ReviewModel model = ReviewModelFiles.read(full);
        List<String> truth = truthInTimeOrder(dataset, world.truth(), rows);
        export(rows, model, truth, out.resolve("features.csv"));
        perKind(rows, model, truth);
        latency(kind, full, rows);
    }

    private static Map<String, Double> train(ReviewKind kind, Dataset dataset, Map<String, Object> parameters,
            Path dir) throws Exception {
        try (TrainedModel model = kind.newTrainer(HyperParameters.of(kind.parameters(), parameters))
                .train(dataset, TrainingContext.silent())) {
            model.save(dir);
            return model.provenance().metrics();
        }
    }

    /** The truth labels in the trainer's time order (the generator sorts by time; a stable sort keeps it). */
    private static List<String> truthInTimeOrder(Dataset dataset, List<String> truth, TrainingRows rows) {
        List<Review> byRow = ReviewColumns.reviews(dataset);
        Integer[] order = new Integer[byRow.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, java.util.Comparator.comparingLong(i -> byRow.get(i).time()));
        List<String> sorted = new ArrayList<>();
        for (int k = 0; k < order.length; k++) {
            if (!byRow.get(order[k]).equals(rows.reviews.get(k))) {
                throw new IllegalStateException("row order differs from the trainer's at " + k);
            }
            sorted.add(truth.get(order[k]));
        }
        return sorted;
    }

    private static void export(TrainingRows rows, ReviewModel model, List<String> truth, Path file)
            throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("split,label,truth,merx," + String.join(",", ReviewFeatures.NAMES) + "\n");
            for (int i = 0; i < rows.size(); i++) {
                String split = i < rows.calibrationStart ? "fit" : i < rows.evaluationStart ? "calibration"
                        : "evaluation";
                StringBuilder line = new StringBuilder(split).append(',').append(rows.labels[i] ? 1 : 0).append(',')
                        .append(truth.get(i)).append(',').append(model.probability(rows.raw[i]));
                for (double v : ReviewFeatures.transform(rows.raw[i])) {
                    line.append(',').append(Double.isNaN(v) ? "" : Double.toString(v));
                }
                w.write(line.append('\n').toString());
            }
        }
    }

    /** Recall of the "review or block" decision on the held-out slice, per kind of abuse. */
    private static void perKind(TrainingRows rows, ReviewModel model, List<String> truth) {
        Map<String, int[]> counts = new TreeMap<>();
        for (int i = rows.evaluationStart; i < rows.size(); i++) {
            int[] c = counts.computeIfAbsent(truth.get(i), t -> new int[2]);
            c[0]++;
            c[1] += model.decision(model.probability(rows.raw[i])).equals("allow") ? 0 : 1;
        }
        System.out.println("held-out reviews flagged (review or block), per kind:");
        counts.forEach((k, c) -> System.out.printf(Locale.ROOT, "  %-9s %4d of %4d (%.3f)%n", k, c[1], c[0],
                c[1] / (double) c[0]));
    }

    /** One review at a time through the Scorer (history look-ups included), after a warm-up. */
    private static void latency(ReviewKind kind, Path dir, TrainingRows rows) throws Exception {
        List<ScoreRequest> requests = new ArrayList<>();
        for (int i = rows.evaluationStart; i < rows.size(); i++) {
            Review r = rows.reviews.get(i);
            requests.add(ScoreRequest.of(Map.of("text", "" + textOf(i, rows), "rating", (long) r.rating(),
                    "reviewer", r.reviewer(), "product", r.product(), "time",
                    Instant.ofEpochSecond(r.time()).toString())));
        }
        try (Scorer scorer = kind.load(dir)) {
            for (ScoreRequest request : requests) {
                scorer.score(request);
            }
            long[] nanos = new long[requests.size()];
            for (int i = 0; i < nanos.length; i++) {
                long t = System.nanoTime();
                scorer.score(requests.get(i));
                nanos[i] = System.nanoTime() - t;
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "scoring one review (%d held-out reviews, 1 thread): p50 %.3f ms, "
                    + "p99 %.3f ms%n", nanos.length, nanos[nanos.length / 2] / 1e6,
                    nanos[(int) (nanos.length * 0.99)] / 1e6);
        }
    }

    /** TrainingRows keeps texts in its reviews; the history copies drop them. */
    private static String textOf(int i, TrainingRows rows) {
        return rows.reviews.get(i).text();
    }

    private static List<FakeReviews.Text> texts(Path csv) throws IOException {
        List<FakeReviews.Text> texts = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(in)) {
                texts.add(new FakeReviews.Text(record.get("review"), "great".equals(record.get("score"))));
            }
        }
        return texts;
    }
}
