package io.merx.recommendation.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.TrainingContext;

/**
 * LightGCN ({@code recommendation.graph}) beside popularity, item-kNN, EASE and ALS with each kind's defaults, in one
 * run, on the same temporal leave-last-out split, judged by the same {@link Evaluator} on every evaluable user, as
 * {@link BaselinesBenchmark} does: HR@10, nDCG@10, fit wall time and one user's top-10 latency (p50/p99). Data:
 * yoochoose 100k and diginetica sessions, and the synthetic shop of the demo data (or another size). LightGCN's
 * defaults can be overridden for a run with {@code -Dgraph.hp=learningRate=0.01,layers=2}.
 */
final class GraphBenchmark {

    private GraphBenchmark() {
    }

    static void run(Path dataDirectory) throws Exception {
        Map<String, Object> overrides = BaselinesBenchmark.hyperParameterOverrides("graph.hp");
        String only = System.getProperty("graph.data", "yoochoose,diginetica,synthetic");
        List<String> rows = new ArrayList<>();
        if (only.contains("yoochoose")) {
            compare("yoochoose 100k (click sessions)", "yoochoose",
                    BaselinesBenchmark.sessions(dataDirectory.resolve("yoochoose_100k_sessions.csv")), overrides, rows);
        }
        if (only.contains("diginetica")) {
            compare("diginetica (view sessions, sparse)", "diginetica",
                    BaselinesBenchmark.sessions(dataDirectory.resolve("diginetica_sessions.csv")), overrides, rows);
        }
        if (only.contains("synthetic")) {
            // The demo shop's generator (docs/recommendation.md, Demo data); -Dgraph.synthetic=USERSxITEMSxROWS.
            String[] size = System.getProperty("graph.synthetic", "1500x400x30000").split("x");
            compare("synthetic shop " + String.join(" x ", size) + " rows", "synthetic", ShopDataGenerator.generate(
                    Integer.parseInt(size[0]), Integer.parseInt(size[1]), Integer.parseInt(size[2]), 7), overrides,
                    rows);
        }
        System.out.println();
        System.out.println("| data | model | HR@10 | nDCG@10 | fit wall (s) | top-10 p50 (ms) | top-10 p99 (ms) | users evaluated |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    /** Compares on one data set; the split is written to {@code $TMPDIR/merx-graph/<dir>} for the numpy peer. */
    private static void compare(String name, String dir, Dataset data, Map<String, Object> overrides,
            List<String> rows) throws Exception {
        Interactions all = Interactions.from(data, new Columns("user", "item", "weight", "timestamp", "category"));
        Split split = Split.leaveLastOut(all);
        System.out.printf(Locale.ROOT, "%s: %d rows -> %d users, %d items, %d pairs; %d users evaluable%n", name,
                all.inputRows(), all.userCount(), all.itemCount(), all.size(), split.evaluableUsers().length);
        BaselinesBenchmark.writeSplit(split, Path.of(System.getProperty("java.io.tmpdir"), "merx-graph", dir));
        GraphKind graph = new GraphKind();
        HyperParameters graphHp = HyperParameters.of(graph.parameters(), overrides);
        Map<String, Learner> candidates = new LinkedHashMap<>();
        candidates.put("popularity", new PopularityLearner());
        candidates.put("item-kNN (neighbours 100, shrinkage 10)", ItemKnn.of(defaults(new ItemKnnKind())));
        candidates.put("EASE (lambda 100, maxItems 3000)", Ease.of(defaults(new EaseKind())));
        HyperParameters als = defaults(new AlsKind());
        candidates.put("ALS (kind defaults: rank 16, linear, alpha 10)",
                new AlsLearner(AlsConfig.of(als), als.getString("weighting")));
        candidates.put("LightGCN (" + GraphLearner.of(graphHp) + (overrides.isEmpty() ? ", kind defaults)" : ")"),
                GraphLearner.of(graphHp));
        // -Dgraph.only=LightGCN runs only the candidates whose label contains it (for tuning runs).
        String filter = System.getProperty("graph.only", "");
        for (Map.Entry<String, Learner> c : candidates.entrySet()) {
            if (!c.getKey().contains(filter)) {
                continue;
            }
            Learner learner = c.getValue();
            long start = System.nanoTime();
            ModelData model = learner.fit(split.train(), TrainingContext.silent());
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Double> m = Evaluator.evaluate(split, model, 10, 0, 1, "");
            double[] latency = BaselinesBenchmark.latency(model, split);
            String notes = learner instanceof GraphLearner ? " " + learner.notes() : "";
            String line = String.format(Locale.ROOT, "| %s | %s | %.4f | %.4f | %.2f | %.3f | %.3f | %.0f |", name,
                    c.getKey(), m.get("recall@10"), m.get("ndcg@10"), seconds, latency[0], latency[1],
                    m.get("evalUsers"));
            System.out.println(line + notes);
            rows.add(line);
        }
    }

    private static HyperParameters defaults(RecommendationKind kind) {
        return HyperParameters.of(kind.parameters(), Map.of());
    }
}
