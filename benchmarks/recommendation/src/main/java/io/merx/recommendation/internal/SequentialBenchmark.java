package io.merx.recommendation.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ScoreRequest;
import io.merx.api.TrainingContext;

/**
 * Next-item quality of the sequential kind beside the baselines, in one run: each user's latest item held out
 * (leave-last-out by time), every model trained on the rest through the kinds' own learners with their defaults,
 * judged by the same {@link Evaluator}: HR@10, nDCG@10, training wall time and top-10 latency of the real scorer
 * for one user. Data: yoochoose 100k and diginetica sessions (a user is a session) and the synthetic shop with an
 * order signal of stated strength.
 */
final class SequentialBenchmark {

    private SequentialBenchmark() {
    }

    static void run(Path dataDirectory) throws Exception {
        List<String> rows = new ArrayList<>();
        String only = System.getProperty("sequential.data", "");
        if (only.isEmpty() || only.contains("shop")) {
            double p = 0.5;
            compare(String.format(Locale.ROOT, "synthetic shop 3000x800x60000, successor p=%.1f", p),
                    ShopDataGenerator.generate(3_000, 800, 60_000, 11, p), rows);
        }
        if (only.isEmpty() || only.contains("yoochoose")) {
            compare("yoochoose 100k sessions", BaselinesBenchmark.sessions(
                    dataDirectory.resolve("yoochoose_100k_sessions.csv")), rows);
        }
        if (only.isEmpty() || only.contains("diginetica")) {
            compare("diginetica sessions", BaselinesBenchmark.sessions(
                    dataDirectory.resolve("diginetica_sessions.csv")), rows);
        }
        System.out.println();
        System.out.println("| data | model | HR@10 | nDCG@10 | fit wall (s) | top-10 known user p50 / p99 (ms) | top-10 with a recent item p50 / p99 (ms) | users evaluated |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private static final TrainingContext PRINTING = new TrainingContext() {
        @Override
        public void progress(double fraction, String message) {
            System.out.println("  " + message);
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /**
     * Milliseconds per top-10 request of a known user who also sends one recent item (their held-out one), p50 and
     * p99: the path that re-encodes the sequence (sequential) or folds the user in (ALS), unlike a known user's
     * request alone, which reads a stored vector.
     */
    private static double[] recentLatency(ModelData model, Split split) throws Exception {
        int[] users = Evaluator.sample(split.evaluableUsers(), 2_000, 3);
        RecommendationScorer scorer = new RecommendationScorer(model);
        java.util.function.IntFunction<ScoreRequest> request = i -> ScoreRequest.of(Map.of("user",
                model.userIds[users[i]], "k", 10, "recentItems", List.of(model.itemIds[split.test()[users[i]][0]])));
        for (int i = 0; i < 3_000; i++) {
            scorer.score(request.apply(i % users.length));
        }
        double[] ms = new double[users.length];
        for (int i = 0; i < users.length; i++) {
            ScoreRequest r = request.apply(i);
            long start = System.nanoTime();
            scorer.score(r);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(ms);
        return new double[] {ms[ms.length / 2], ms[(int) Math.min(ms.length - 1, Math.ceil(ms.length * 0.99) - 1)]};
    }

    private static void compare(String name, Dataset data, List<String> rows) throws Exception {
        Interactions all = Interactions.from(data, new Columns("user", "item", "weight", "timestamp", "category"));
        Split split = Split.leaveLastOut(all);
        System.out.printf(Locale.ROOT, "%s: %d rows -> %d users, %d items, %d pairs; %d users evaluable%n", name,
                all.inputRows(), all.userCount(), all.itemCount(), all.size(), split.evaluableUsers().length);
        List<Object[]> candidates = List.of(
                new Object[] {"popularity", new PopularityKind()},
                new Object[] {"item-kNN (defaults)", new ItemKnnKind()},
                new Object[] {"EASE (defaults)", new EaseKind()},
                new Object[] {"ALS (defaults)", new AlsKind()},
                new Object[] {"sequential (dim 64, 2 blocks, maxLength 50" + (System.getProperty("sequential.hp", "")
                        .isBlank() ? "" : ", " + System.getProperty("sequential.hp")) + ")", new SequentialKind()});
        // -Dsequential.only=sequential runs only the candidates whose label contains it; -Dsequential.hp=loss=bce,...
        // overrides the sequential kind's defaults (tuning runs).
        String filter = System.getProperty("sequential.only", "");
        Map<String, Object> overrides = BaselinesBenchmark.hyperParameterOverrides("sequential.hp");
        for (Object[] c : candidates) {
            RecommendationKind kind = (RecommendationKind) c[1];
            if (!((String) c[0]).contains(filter)) {
                continue;
            }
            HyperParameters hp = HyperParameters.of(kind.parameters(),
                    kind instanceof SequentialKind ? overrides : Map.of());
            Learner learner = kind instanceof PopularityKind ? new PopularityLearner()
                    : BaselinesBenchmark.learnerOf(kind, hp);
            long start = System.nanoTime();
            ModelData model = learner.fit(split.train(), PRINTING);
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Double> m = Evaluator.evaluate(split, model, 10, 0, 1, "");
            double[] latency = BaselinesBenchmark.latency(model, split);
            double[] recent = recentLatency(model, split);
            String line = String.format(Locale.ROOT, "| %s | %s | %.4f | %.4f | %.1f | %.3f / %.3f | %.3f / %.3f | %.0f |",
                    name, c[0], m.get("recall@10"), m.get("ndcg@10"), seconds, latency[0], latency[1], recent[0],
                    recent[1], m.get("evalUsers"));
            System.out.println(line);
            rows.add(line);
        }
    }
}
