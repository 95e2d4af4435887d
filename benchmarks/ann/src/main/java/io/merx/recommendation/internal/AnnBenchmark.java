package io.merx.recommendation.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

import com.github.jelmerk.knn.DistanceFunctions;
import com.github.jelmerk.knn.Item;
import com.github.jelmerk.knn.NullProgressListener;
import com.github.jelmerk.knn.SearchResult;
import com.github.jelmerk.knn.hnsw.HnswIndex;

import io.merx.api.ScoreRequest;

/**
 * The recommendation index next to the exact scan and next to the other library. Sections (first argument):
 * {@code libraries}: on 100k clustered items, Merx's index (Lucene HNSW, inner product) vs hnswlib on the inner
 * product vs hnswlib with the MIPS-to-L2 transform, same M, efConstruction and threads, recall@10 and latency per ef;
 * {@code million}: 1 M items, build time, memory, artifact size and load time, recall@10 per efSearch, then JMH
 * top-10 p50/p99 indexed vs exact ({@link AnnLatencyBenchmark}); {@code all}: both. Options: {@code items=},
 * {@code rank=}, {@code queries=}, {@code threads=}, {@code m=}, {@code efc=}.
 */
public final class AnnBenchmark {

    private static final int[] EF = {10, 20, 40, 64, 100, 160};

    private AnnBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String[] words = String.join(" ", args).trim().split("\\s+");
        String sections = words[0].isEmpty() ? "all" : words[0];
        int items = option(words, "items", 1_000_000);
        int rank = option(words, "rank", 64);
        int queries = option(words, "queries", 1_000);
        int threads = option(words, "threads", Runtime.getRuntime().availableProcessors());
        AnnConfig config = new AnnConfig(1, option(words, "m", 16), option(words, "efc", 100), 64, threads);
        System.out.printf(Locale.ROOT, "java %s, %d processors, max heap %d MiB, %s%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, config);
        if (sections.contains("all") || sections.contains("libraries")) {
            libraries(100_000, rank, queries, config);
        }
        if (sections.contains("all") || sections.contains("million")) {
            million(items, rank, queries, config);
        }
    }

    private static int option(String[] words, String name, int fallback) {
        for (String word : words) {
            if (word.startsWith(name + "=")) {
                return Integer.parseInt(word.substring(name.length() + 1));
            }
        }
        return fallback;
    }

    /** The model {@link AnnLatencyBenchmark} measures. */
    static volatile ModelData indexed;

    private static void million(int n, int rank, int queries, AnnConfig config) throws Exception {
        ClusteredFactors factors = new ClusteredFactors(rank, 42);
        ModelData exact = ClusteredFactors.model(factors.users(queries, 2), factors.items(n, 1), rank);
        long heapBefore = usedHeap();
        long start = System.nanoTime();
        StoredGraph itemGraph = AnnIndex.build(exact.factors.items(), rank, config, 42);
        double itemSeconds = (System.nanoTime() - start) / 1e9;
        long itemGraphBytes = usedHeap() - heapBefore;
        System.out.printf(Locale.ROOT, "%d items x rank %d: built the recommend graph in %.0f s (%d threads); %d edges;"
                + " heap %.0f MiB (the factors: %.0f MiB)%n", n, rank, itemSeconds, config.workerThreads(),
                itemGraph.edges(), itemGraphBytes / 1048576.0, n * (double) rank * 4 / 1048576.0);
        // Recommend reads only the first graph: measure it before spending as long again on the second.
        indexed = exact.withAnn(new AnnIndex(config, itemGraph, itemGraph));

        RecommendationScorer truth = new RecommendationScorer(exact);
        List<List<String>> expected = new ArrayList<>();
        long[] exactNanos = new long[queries];
        for (int u = 0; u < queries; u++) {
            long t = System.nanoTime();
            expected.add(top(truth, u));
            exactNanos[u] = System.nanoTime() - t;
        }
        System.out.println();
        System.out.println("| search | efSearch | recall@10 | p50 (ms, loop) | p99 (ms, loop) |");
        System.out.println("|---|---|---|---|---|");
        row("exact scan", "-", 1.0, exactNanos);
        for (int ef : EF) {
            RecommendationScorer approximate = new RecommendationScorer(indexed.withAnn(indexed.ann.withEfSearch(ef)));
            for (int u = 0; u < queries; u++) {
                top(approximate, u); // warm this ef once
            }
            long[] nanos = new long[queries];
            double recall = 0;
            for (int u = 0; u < queries; u++) {
                long t = System.nanoTime();
                List<String> found = top(approximate, u);
                nanos[u] = System.nanoTime() - t;
                recall += recall(expected.get(u), found);
            }
            row("HNSW", Integer.toString(ef), recall / queries, nanos);
        }
        jmh();

        start = System.nanoTime();
        StoredGraph unitGraph = AnnIndex.build(exact.unitItems, rank, config, 42);
        System.out.printf(Locale.ROOT, "built the similar-items graph in %.0f s; %d edges%n",
                (System.nanoTime() - start) / 1e9, unitGraph.edges());
        indexed = exact.withAnn(new AnnIndex(config, itemGraph, unitGraph));
        Path dir = Path.of(System.getProperty("ann.model", "target/ann-model"));
        Files.createDirectories(dir);
        start = System.nanoTime();
        ModelFiles.write(indexed, AlsKind.NAME, dir);
        double writeSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        ModelFiles.read(dir, AlsKind.NAME);
        double readSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "artifact: %s; written in %.1f s, read (with both graphs) in %.1f s%n",
                sizes(dir), writeSeconds, readSeconds);
    }

    private static List<String> top(RecommendationScorer scorer, int user) throws Exception {
        Map<String, Object> outputs = scorer.score(ScoreRequest.of(Map.of("user", "u" + user, "k", 10, "fresh", false)))
                .outputs();
        if (!RecommendationScorer.ALS.equals(outputs.get("source"))) {
            throw new IllegalStateException("not answered from the factors: " + outputs.get("source"));
        }
        return ids(outputs);
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> outputs) {
        return ((List<Map<String, Object>>) outputs.get("items")).stream().map(e -> (String) e.get("item")).toList();
    }

    private static double recall(List<String> truth, List<String> found) {
        Set<String> hit = new HashSet<>(found);
        return truth.stream().filter(hit::contains).count() / (double) truth.size();
    }

    private static void row(String search, String ef, double recall, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "| %s | %s | %.4f | %.3f | %.3f |%n", search, ef, recall,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6);
    }

    private static void jmh() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(AnnLatencyBenchmark.class.getName()).build()).run();
        System.out.println();
        System.out.println("| benchmark (JMH) | p50 | p99 | p99.9 | mean |");
        System.out.println("|---|---|---|---|---|");
        for (RunResult result : results) {
            Statistics stats = result.getPrimaryResult().getStatistics();
            String unit = result.getPrimaryResult().getScoreUnit();
            System.out.printf(Locale.ROOT, "| %s | %.1f %s | %.1f %s | %.1f %s | %.1f %s |%n",
                    result.getParams().getBenchmark().replaceAll(".*\\.", ""), stats.getPercentile(50), unit,
                    stats.getPercentile(99), unit, stats.getPercentile(99.9), unit, stats.getMean(), unit);
        }
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static String sizes(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().map(f -> {
                try {
                    return String.format(Locale.ROOT, "%s %.0f MiB", f.getFileName(), Files.size(f) / 1048576.0);
                } catch (IOException e) {
                    return f.getFileName() + " ?";
                }
            }).reduce((a, b) -> a + ", " + b).orElse("");
        }
    }

    /** One hnswlib item: an id and its (possibly transformed) factor row. */
    private record Row(Integer id, float[] vector) implements Item<Integer, float[]> {
        @Override
        public int dimensions() {
            return vector.length;
        }
    }

    /** Lucene (through the product's index) vs hnswlib, on the inner product and on the MIPS-to-L2 transform. */
    private static void libraries(int n, int rank, int queries, AnnConfig config) throws Exception {
        ClusteredFactors factors = new ClusteredFactors(rank, 42);
        float[] itemRows = factors.items(n, 1);
        ModelData exact = ClusteredFactors.model(factors.users(queries, 2), itemRows, rank);
        RecommendationScorer truth = new RecommendationScorer(exact);
        List<List<String>> expected = new ArrayList<>();
        for (int u = 0; u < queries; u++) {
            expected.add(top(truth, u));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "libraries, %d items x rank %d, M=%d, efConstruction=%d, %d threads%n", n, rank,
                config.m(), config.efConstruction(), config.workerThreads());
        System.out.println("| library | space | build (s) | ef | recall@10 | p50 (ms) | p99 (ms) |");
        System.out.println("|---|---|---|---|---|---|---|");

        long start = System.nanoTime();
        StoredGraph graph = AnnIndex.build(itemRows, rank, config, 42);
        double luceneSeconds = (System.nanoTime() - start) / 1e9;
        ModelData indexed = exact.withAnn(new AnnIndex(config, graph, graph)); // recommend reads the first graph only
        for (int ef : EF) {
            RecommendationScorer scorer = new RecommendationScorer(indexed.withAnn(indexed.ann.withEfSearch(ef)));
            long[] nanos = new long[queries];
            double recall = 0;
            for (int pass = 0; pass < 2; pass++) {
                for (int u = 0; u < queries; u++) {
                    long t = System.nanoTime();
                    List<String> found = top(scorer, u);
                    nanos[u] = System.nanoTime() - t;
                    recall += pass == 1 ? recall(expected.get(u), found) : 0;
                }
            }
            libraryRow("Lucene 9.12 (Merx AnnIndex, whole scorer)", "inner product", luceneSeconds, ef,
                    recall / queries, nanos);
        }
        hnswlib(itemRows, exact, rank, queries, config, expected, false);
        hnswlib(itemRows, exact, rank, queries, config, expected, true);
    }

    private static void hnswlib(float[] itemRows, ModelData model, int rank, int queries, AnnConfig config,
            List<List<String>> expected, boolean transform) throws Exception {
        int n = itemRows.length / rank;
        double maxNorm = 0;
        for (int i = 0; i < n; i++) {
            maxNorm = Math.max(maxNorm, Ranker.dot(itemRows, itemRows, i * rank, rank));
        }
        int dim = transform ? rank + 1 : rank;
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            float[] v = Arrays.copyOf(Ranker.row(itemRows, i, rank), dim);
            if (transform) {
                v[rank] = (float) Math.sqrt(Math.max(0, maxNorm - Ranker.dot(itemRows, itemRows, i * rank, rank)));
            }
            rows.add(new Row(i, v));
        }
        long start = System.nanoTime();
        HnswIndex<Integer, float[], Row, Float> index = HnswIndex
                .newBuilder(dim, transform ? DistanceFunctions.FLOAT_EUCLIDEAN_DISTANCE
                        : DistanceFunctions.FLOAT_INNER_PRODUCT, n)
                .withM(config.m()).withEfConstruction(config.efConstruction()).build();
        index.addAll(rows, config.workerThreads(), NullProgressListener.INSTANCE, n);
        double seconds = (System.nanoTime() - start) / 1e9;
        for (int ef : EF) {
            index.setEf(ef);
            long[] nanos = new long[queries];
            double recall = 0;
            for (int pass = 0; pass < 2; pass++) {
                for (int u = 0; u < queries; u++) {
                    float[] q = Arrays.copyOf(Ranker.row(model.factors.users(), u, rank), dim);
                    long t = System.nanoTime();
                    List<SearchResult<Row, Float>> found = index.findNearest(q, 10);
                    nanos[u] = System.nanoTime() - t;
                    if (pass == 1) {
                        recall += recall(expected.get(u),
                                found.stream().map(r -> model.itemIds[r.item().id()]).toList());
                    }
                }
            }
            libraryRow("hnswlib-core 1.1.2 (search only)", transform ? "MIPS-to-L2 transform" : "inner product",
                    seconds, ef, recall / queries, nanos);
        }
    }

    private static void libraryRow(String library, String space, double seconds, int ef, double recall,
            long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %d | %.4f | %.3f | %.3f |%n", library, space, seconds, ef,
                recall, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6);
    }
}
