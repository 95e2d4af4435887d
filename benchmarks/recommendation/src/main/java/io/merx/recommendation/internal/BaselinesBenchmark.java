package io.merx.recommendation.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ScoreRequest;
import io.merx.api.TrainingContext;

/**
 * The simple baselines side by side on public data, each user's latest item held out (leave-last-out by time):
 * popularity, item-kNN, EASE, ALS, LightGCN and SASRec with their kinds' defaults and the automatic choice, all
 * through the kinds' own learners and the same {@link Evaluator}; HR@10 (= recall@10 with one held-out item) and nDCG@10, training wall
 * time, and top-10 latency of the real scorer for one user (p50/p99 over evaluated users, after a warm-up).
 * The split is also written as CSV for the numpy peer ({@code src/main/python/baselines_peer.py}), which
 * implements item-kNN and EASE independently and is run on the same files right after.
 */
final class BaselinesBenchmark {

    private BaselinesBenchmark() {
    }

    static void run(Path dataDirectory, Path peerDirectory) throws Exception {
        List<String> rows = new ArrayList<>();
        String only = System.getProperty("baselines.data", "");
        if (only.isEmpty() || only.contains("superstore")) {
            Dataset superstore = SuperstoreData.read(dataDirectory.resolve("superstore.csv"));
            compare("superstore (sparse retail purchases)", superstore, peerDirectory.resolve("superstore"), rows);
        }
        if (only.isEmpty() || only.contains("yoochoose")) {
            Dataset yoochoose = sessions(dataDirectory.resolve("yoochoose_100k_sessions.csv"));
            compare("yoochoose 100k (click sessions, denser)", yoochoose, peerDirectory.resolve("yoochoose"), rows);
        }
        if (only.isEmpty() || only.contains("diginetica")) {
            Dataset diginetica = sessions(dataDirectory.resolve("diginetica_sessions.csv"));
            compare("diginetica (view sessions, sparse)", diginetica, peerDirectory.resolve("diginetica"), rows);
        }
        if (only.isEmpty() || only.contains("shop")) {
            // The sequential benchmark's shop: each purchase is followed by its item's successor with p = 0.5.
            compare("synthetic shop 3000x800x60000, successor p=0.5", ShopDataGenerator.generate(3_000, 800, 60_000,
                    11, 0.5), peerDirectory.resolve("shop"), rows);
        }
        System.out.println();
        System.out.println("| data | model | HR@10 | nDCG@10 | fit wall (s) | top-10 p50 (ms) | top-10 p99 (ms) | users evaluated |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    /** {@code user,item,timestamp[,category]} rows as strings, as the runtime's CSV reader gives them. */
    static Dataset sessions(Path file) throws IOException {
        List<String[]> lines = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                lines.add(new String[] {r.get("user"), r.get("item"), r.get("timestamp")});
            }
        }
        return Dataset.builder().strings("user", lines.stream().map(l -> l[0]).toArray(String[]::new))
                .strings("item", lines.stream().map(l -> l[1]).toArray(String[]::new))
                .strings("timestamp", lines.stream().map(l -> l[2]).toArray(String[]::new)).build();
    }

    private static void compare(String name, Dataset data, Path peer, List<String> rows) throws Exception {
        Interactions all = Interactions.from(data, new Columns("user", "item", "weight", "timestamp", "category"));
        Split split = Split.leaveLastOut(all);
        System.out.printf(Locale.ROOT, "%s: %d rows -> %d users, %d items, %d pairs; %d users evaluable%n", name,
                all.inputRows(), all.userCount(), all.itemCount(), all.size(), split.evaluableUsers().length);
        writeSplit(split, peer);
        List<Candidate> candidates = List.of(
                new Candidate("popularity", new PopularityKind(), new PopularityLearner()),
                new Candidate("item-kNN (neighbours 100, shrinkage 10)", new ItemKnnKind(), null),
                new Candidate("EASE (lambda 100, maxItems 3000)", new EaseKind(), null),
                new Candidate("ALS (kind defaults: rank 16, linear, alpha 10)", new AlsKind(), null),
                new Candidate("LightGCN (kind defaults)", new GraphKind(), null),
                new Candidate("SASRec (kind defaults)", new SequentialKind(), null),
                new Candidate("automatic choice (budget 120 s)", new AutoKind(), null));
        for (Candidate c : candidates) {
            HyperParameters hp = HyperParameters.of(c.kind.parameters(), Map.of());
            Learner learner = c.learner != null ? c.learner : learnerOf(c.kind, hp);
            long start = System.nanoTime();
            ModelData model = learner.fit(split.train(), TrainingContext.silent());
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Double> m = Evaluator.evaluate(split, model, 10, 0, 1, "");
            double[] latency = latency(model, split);
            String extra = learner instanceof AutoLearner ? " -> " + chosen(learner.notes()) : "";
            String line = String.format(Locale.ROOT, "| %s | %s%s | %.4f | %.4f | %.2f | %.3f | %.3f | %.0f |", name,
                    c.label, extra, m.get("recall@10"), m.get("ndcg@10"), seconds, latency[0], latency[1],
                    m.get("evalUsers"));
            System.out.println(line);
            rows.add(line);
        }
    }

    /** Hyper-parameters given for a tuning run as {@code -D<property>=name=value,name=value}, in order. */
    static Map<String, Object> hyperParameterOverrides(String property) {
        Map<String, Object> overrides = new java.util.LinkedHashMap<>();
        for (String pair : System.getProperty(property, "").split(",")) {
            if (!pair.isBlank()) {
                String[] kv = pair.split("=", 2);
                overrides.put(kv[0].trim(), kv[1].trim());
            }
        }
        return overrides;
    }

    /** The learner the kind's trainer would use, through the same hyper-parameter parsing. */
    static Learner learnerOf(RecommendationKind kind, HyperParameters hp) {
        if (kind instanceof ItemKnnKind) {
            return ItemKnn.of(hp);
        }
        if (kind instanceof EaseKind) {
            return Ease.of(hp);
        }
        if (kind instanceof AutoKind) {
            return new AutoLearner(hp);
        }
        if (kind instanceof SequentialKind) {
            return SasrecLearner.of(hp);
        }
        if (kind instanceof GraphKind) {
            return GraphLearner.of(hp);
        }
        return new AlsLearner(AlsConfig.of(hp), hp.getString("weighting"));
    }

    private static String chosen(Map<String, Double> notes) {
        return notes.keySet().stream().filter(k -> k.startsWith("chosen: ")).map(k -> k.substring(8)).findFirst()
                .orElse("?");
    }

    /** Milliseconds per top-10 request of one known user through the scorer: p50 and p99. */
    static double[] latency(ModelData model, Split split) throws Exception {
        int[] users = Evaluator.sample(split.evaluableUsers(), 2_000, 3);
        RecommendationScorer scorer = new RecommendationScorer(model);
        for (int i = 0; i < 3_000; i++) { // warm-up: let the JIT compile the scan
            scorer.score(ScoreRequest.of(Map.of("user", model.userIds[users[i % users.length]], "k", 10)));
        }
        double[] ms = new double[users.length];
        for (int i = 0; i < users.length; i++) {
            ScoreRequest request = ScoreRequest.of(Map.of("user", model.userIds[users[i]], "k", 10));
            long start = System.nanoTime();
            scorer.score(request);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[ms.length / 2], ms[(int) Math.min(ms.length - 1, Math.ceil(ms.length * 0.99) - 1)]};
    }

    /** train.csv (user,item index pairs) and test.csv (user,item) for the peer, indices as in Merx. */
    static void writeSplit(Split split, Path dir) throws IOException {
        Files.createDirectories(dir);
        Interactions train = split.train();
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("train.csv"))) {
            out.write("user,item\n");
            train.forEach((user, item, weight) -> {
                try {
                    out.write(user + "," + item + "\n");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("test.csv"))) {
            out.write("user,item\n");
            for (int user : split.evaluableUsers()) {
                for (int item : split.test()[user]) {
                    out.write(user + "," + item + "\n");
                }
            }
        }
        Files.writeString(dir.resolve("items.txt"), Integer.toString(train.itemCount()));
    }

    private record Candidate(String label, RecommendationKind kind, Learner learner) {
    }
}
