package io.merx.recommendation.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

import io.merx.api.Dataset;
import io.merx.api.TrainingContext;

/**
 * Side-by-side run: Merx implicit ALS, Spark MLlib implicit ALS (local[2]) and the popularity baseline, on the
 * same leave-last-out split with the same settings and the same metric code, on superstore.csv and on a synthetic
 * shop; then JMH scoring latency. Arguments: {@code all} or a comma list of {@code superstore}, {@code synthetic},
 * {@code freshness}, {@code baselines} ({@link BaselinesBenchmark}), {@code sequential} ({@link SequentialBenchmark}),
 * {@code graph} ({@link GraphBenchmark}), {@code jmh}; optionally {@code size=USERSxITEMSxINTERACTIONS} for the
 * synthetic set.
 */
public final class RecommendationBenchmark {

    private static final List<String> ROWS = new ArrayList<>();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /** CPU seconds this JVM has used: less sensitive than wall time to other builds sharing the cores. */
    static double cpuSeconds() {
        return OS.getProcessCpuTime() / 1e9;
    }

    private RecommendationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // Maven passes ${bench.args} as one argument: split it into words.
        String[] words = String.join(" ", args).trim().split("\\s+");
        String sections = words[0].isEmpty() ? "all" : words[0];
        int[] size = {100_000, 50_000, 5_000_000};
        for (String arg : words) {
            if (arg.startsWith("size=")) {
                String[] parts = arg.substring(5).split("x");
                for (int i = 0; i < 3; i++) {
                    size[i] = Integer.parseInt(parts[i]);
                }
            }
        }
        boolean all = sections.contains("all");
        System.out.printf(Locale.ROOT, "java %s, %d processors, max heap %d MiB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        // ND4J initialises once per JVM (in Karaf, when the compute bundle starts): keep it out of the timings.
        ImplicitAls.gram(new double[] {1, 2}, 1, 2);
        AlsConfig config = new AlsConfig(16, 10, 0.1, 10, true, AlsConfig.CG, 3, 42, 2);
        if (all || sections.contains("superstore") || sections.contains("synthetic")) {
            try (SparkAls spark = new SparkAls()) {
                System.out.printf(Locale.ROOT, "Spark session started in %.1f s (not counted)%n",
                        spark.startMillis / 1000.0);
                header();
                if (all || sections.contains("superstore")) {
                    Dataset superstore = SuperstoreData.read(dataDirectory().resolve("superstore.csv"));
                    compare("superstore", superstore, config, spark, 0, 2);
                }
                if (all || sections.contains("synthetic")) {
                    long start = System.nanoTime();
                    Dataset shop = ShopDataGenerator.generate(size[0], size[1], size[2], 7);
                    System.out.printf(Locale.ROOT, "generated %d rows in %.1f s%n", shop.rowCount(),
                            (System.nanoTime() - start) / 1e9);
                    compare(String.format(Locale.ROOT, "synthetic %dk users x %dk items x %.1fM rows",
                            size[0] / 1000, size[1] / 1000, size[2] / 1e6), shop, config, spark, 5_000, 1);
                }
            }
            System.out.println();
            System.out.println("| data | model | fit wall (s) | fit CPU (s) | ndcg@10 | precision@10 | recall@10 | map@10 | coverage@10 | users evaluated |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|");
            ROWS.forEach(System.out::println);
        }
        if (all || sections.contains("freshness")) {
            FreshnessBenchmark.run(dataDirectory().resolve("superstore.csv"),
                    dataDirectory().resolve("yoochoose_100k_sessions.csv"));
        }
        if (all || sections.contains("baselines")) {
            BaselinesBenchmark.run(dataDirectory(), Path.of(System.getProperty("java.io.tmpdir"), "merx-baselines"));
        }
        if (all || sections.contains("sequential")) {
            SequentialBenchmark.run(dataDirectory());
        }
        if (all || sections.contains("graph")) {
            GraphBenchmark.run(dataDirectory());
        }
        if (all || sections.contains("jmh")) {
            jmh();
        }
    }

    private static void header() {
        System.out.println("settings: rank 16, iterations 10, regularisation 0.1 (scaled by interaction count, as Spark),"
                + " alpha 10, implicit, leave-last-out split, metrics @10 on the same users");
    }

    private static void compare(String name, Dataset data, AlsConfig config, SparkAls spark, int evalUsers, int runs)
            throws Exception {
        long start = System.nanoTime();
        Interactions all = Interactions.from(data, new Columns("user", "item", "weight", "timestamp", "category"));
        Split split = Split.leaveLastOut(all);
        System.out.printf(Locale.ROOT, "%s: %d rows -> %d users, %d items, %d pairs; train %d pairs; prepared in %.1f s%n",
                name, all.inputRows(), all.userCount(), all.itemCount(), all.size(), split.train().size(),
                (System.nanoTime() - start) / 1e9);
        for (int run = 1; run <= runs; run++) {
            start = System.nanoTime();
            double cpu = cpuSeconds();
            Factors merx = new ImplicitAls(config).fit(split.train(), TrainingContext.silent());
            double seconds = (System.nanoTime() - start) / 1e9;
            cpu = cpuSeconds() - cpu;
            System.out.printf(Locale.ROOT, "  Merx ALS (cg) fit run %d: %.2f s wall, %.2f s CPU%n", run, seconds, cpu);
            if (run == 1) {
                row(name, "Merx ALS (default: cg, 3 steps)", seconds, cpu,
                        Evaluator.evaluate(split, merx, 10, evalUsers, 1, ""));
            }
        }
        start = System.nanoTime();
        double cpu = cpuSeconds();
        AlsConfig cholesky = new AlsConfig(config.rank(), config.iterations(), config.regularisation(),
                config.alpha(), config.scaleRegularisation(), AlsConfig.CHOLESKY, config.cgSteps(), config.seed(),
                config.threads());
        Factors exact = new ImplicitAls(cholesky).fit(split.train(), TrainingContext.silent());
        row(name, "Merx ALS (cholesky)", (System.nanoTime() - start) / 1e9, cpuSeconds() - cpu,
                Evaluator.evaluate(split, exact, 10, evalUsers, 1, ""));
        for (int run = 1; run <= runs; run++) {
            SparkAls.Fit fit = spark.fit(split.train(), config);
            System.out.printf(Locale.ROOT, "  Spark ALS fit run %d: %.2f s wall, %.2f s CPU%n", run, fit.seconds(),
                    fit.cpuSeconds());
            if (run == 1) {
                row(name, "Spark MLlib 3.5.1 ALS local[2]", fit.seconds(), fit.cpuSeconds(),
                        Evaluator.evaluate(split, fit.factors(), 10, evalUsers, 1, ""));
            }
        }
        row(name, "popularity baseline", 0, 0, Evaluator.evaluate(split, (Factors) null, 10, evalUsers, 1, ""));
    }

    private static void row(String data, String model, double seconds, double cpu, Map<String, Double> m) {
        String line = String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.4f | %.4f | %.4f | %.4f | %.4f | %.0f |", data,
                model, seconds, cpu, m.get("ndcg@10"), m.get("precision@10"), m.get("recall@10"), m.get("map@10"),
                m.get("coverage@10"), m.get("evalUsers"));
        System.out.println(line);
        ROWS.add(line);
    }

    private static Path dataDirectory() {
        String root = System.getProperty("merx.root");
        if (root == null) {
            throw new IllegalStateException("set -Dmerx.root to the repository root (the pom does)");
        }
        Path data = Path.of(root).toAbsolutePath().normalize().resolve("../shared/data").normalize();
        if (!Files.isRegularFile(data.resolve("superstore.csv"))) {
            throw new IllegalStateException("benchmark data not found: " + data.resolve("superstore.csv")
                    + " (expected ../shared/data relative to the repository root)");
        }
        return data;
    }

    private static void jmh() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(TopKLatencyBenchmark.class.getName()).build()).run();
        System.out.println();
        System.out.println("| benchmark | items | rank | p50 | p99 | p99.9 | mean / throughput |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark().replaceAll(".*\\.", "");
            String items = result.getParams().getParam("items");
            String rank = result.getParams().getParam("rank");
            Statistics stats = result.getPrimaryResult().getStatistics();
            String unit = result.getPrimaryResult().getScoreUnit();
            if (method.startsWith("topK")) {
                System.out.printf(Locale.ROOT, "| %s | %s | %s | %.1f %s | %.1f %s | %.1f %s | %.1f %s |%n", method, items,
                        rank, stats.getPercentile(50), unit, stats.getPercentile(99), unit, stats.getPercentile(99.9),
                        unit, stats.getMean(), unit);
            } else {
                System.out.printf(Locale.ROOT, "| %s | %s | %s | | | | %.1f %s (= %.0f requests/s) |%n", method, items,
                        rank, stats.getMean(), unit, stats.getMean() * TopKLatencyBenchmark.BATCH);
            }
        }
    }
}
