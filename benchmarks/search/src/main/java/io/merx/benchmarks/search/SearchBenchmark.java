package io.merx.benchmarks.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;
import io.merx.encoder.internal.OfflineNatives;
import io.merx.encoder.internal.OnnxSentenceEncoder;
import io.merx.search.internal.SearchKind;

/**
 * Known-item search on fine-food reviews ({@link KnownItems}), in one run: BM25 alone (a model trained without
 * embeddings: the baseline), embeddings alone and hybrid (one model trained with all-MiniLM-L6-v2, its fusion
 * weight chosen on train-file queries), nDCG@10 and HR@10 on the test-file queries, training and load (index)
 * times, single-request latency per mode; then the load time of a 100,000-product catalogue without embeddings.
 *
 * <p>Arguments: the repository root, then {@code --scaleProducts N} (0 skips the scale run) and
 * {@code --perFile N} (only the first N reviews of each file, for a quick check).
 */
public final class SearchBenchmark {

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        int scaleProducts = 100_000;
        int perFile = Integer.MAX_VALUE;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--scaleProducts" -> scaleProducts = Integer.parseInt(args[i + 1]);
                case "--perFile" -> perFile = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path data = root.resolve("../shared/data").normalize();
        KnownItems items = KnownItems.read(data.resolve("fine_foods_train.csv"), data.resolve("fine_foods_test.csv"),
                perFile);
        Dataset catalogue = Dataset.builder().strings("id", items.ids().toArray(String[]::new))
                .strings("title", items.titles().toArray(String[]::new))
                .strings("description", items.descriptions().toArray(String[]::new)).build();
        Path work = Files.createTempDirectory("merx-search-bench");
        List<String> validation = new ArrayList<>(List.of("query,id"));
        List<Integer> testRows = new ArrayList<>();
        for (int i = 0; i < items.ids().size(); i++) {
            if (items.queries().get(i) == null) {
                continue;
            }
            if (items.fromTest().get(i)) {
                testRows.add(i);
            } else {
                validation.add(csv(items.queries().get(i)) + "," + items.ids().get(i));
            }
        }
        Path validationFile = Files.write(work.resolve("validation-queries.csv"), validation);
        System.out.printf(Locale.ROOT, "catalogue %d products; %d validation queries (train file), %d test queries"
                + " (test file)%n", items.ids().size(), validation.size() - 1, testRows.size());

        OfflineNatives.configure(work.resolve("natives"));
        OnnxSentenceEncoder encoder = OnnxSentenceEncoder.load(OnnxSentenceEncoder.class, 0);
        ModelKind bm25Kind = new SearchKind(null);
        ModelKind hybridKind = new SearchKind(encoder);

        Path bm25Dir = train(bm25Kind, catalogue, Map.of(), work.resolve("bm25"), "BM25 model");
        Path hybridDir = train(hybridKind, catalogue, Map.of("embeddings", "required",
                "queries", validationFile.toString()), work.resolve("hybrid"), "embeddings model");
        try (Scorer bm25 = load(bm25Kind, bm25Dir, "BM25 model"); Scorer hybrid = load(hybridKind, hybridDir,
                "embeddings model")) {
            System.out.println("mode       nDCG@10  HR@10   p50 ms  p99 ms   (test queries, one request at a time)");
            evaluate("bm25", bm25, Map.of(), items, testRows);
            evaluate("semantic", hybrid, Map.of("mode", "semantic"), items, testRows);
            evaluate("hybrid", hybrid, Map.of(), items, testRows);
        }
        if (scaleProducts > 0) {
            scale(bm25Kind, items, scaleProducts, work);
        }
        encoder.close();
    }

    private static Path train(ModelKind kind, Dataset data, Map<String, Object> parameters, Path dir, String what)
            throws Exception {
        Files.createDirectories(dir);
        long start = System.nanoTime();
        try (TrainedModel model = kind.newTrainer(HyperParameters.of(kind.parameters(), parameters))
                .train(data, TrainingContext.silent())) {
            double seconds = (System.nanoTime() - start) / 1e9;
            model.save(dir);
            System.out.printf(Locale.ROOT, "%s: trained in %.1f s; metrics %s%n", what, seconds,
                    model.provenance().metrics());
        }
        return dir;
    }

    private static Scorer load(ModelKind kind, Path dir, String what) throws Exception {
        long start = System.nanoTime();
        Scorer scorer = kind.load(dir);
        System.out.printf(Locale.ROOT, "%s: loaded (BM25 index built) in %.2f s%n", what,
                (System.nanoTime() - start) / 1e9);
        return scorer;
    }

    @SuppressWarnings("unchecked")
    private static void evaluate(String mode, Scorer scorer, Map<String, Object> extra, KnownItems items,
            List<Integer> rows) throws Exception {
        // Warm-up: the first requests pay class loading and JIT.
        for (int i = 0; i < Math.min(30, rows.size()); i++) {
            scorer.score(request(items.queries().get(rows.get(i)), extra));
        }
        double ndcg = 0;
        double hits = 0;
        double[] millis = new double[rows.size()];
        for (int q = 0; q < rows.size(); q++) {
            int row = rows.get(q);
            long start = System.nanoTime();
            ScoreResult result = scorer.score(request(items.queries().get(row), extra));
            millis[q] = (System.nanoTime() - start) / 1e6;
            List<Map<String, Object>> products = (List<Map<String, Object>>) result.outputs().get("products");
            for (int r = 0; r < products.size(); r++) {
                if (products.get(r).get("id").equals(items.ids().get(row))) {
                    ndcg += 1 / (Math.log(r + 2) / Math.log(2));
                    hits++;
                    break;
                }
            }
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "%-9s  %.3f    %.3f   %6.2f  %6.2f%n", mode, ndcg / rows.size(),
                hits / rows.size(), percentile(millis, 0.50), percentile(millis, 0.99));
    }

    private static ScoreRequest request(String query, Map<String, Object> extra) {
        Map<String, Object> inputs = new LinkedHashMap<>(extra);
        inputs.put("query", query);
        inputs.put("k", 10);
        return ScoreRequest.of(inputs);
    }

    /** Index time of a large catalogue: the reviews' texts repeated under new ids, BM25 only. */
    private static void scale(ModelKind kind, KnownItems items, int products, Path work) throws Exception {
        String[] ids = new String[products];
        String[] titles = new String[products];
        String[] descriptions = new String[products];
        for (int i = 0; i < products; i++) {
            int source = i % items.ids().size();
            ids[i] = "S" + i;
            titles[i] = items.titles().get(source);
            descriptions[i] = items.descriptions().get(source);
        }
        Dataset big = Dataset.builder().strings("id", ids).strings("title", titles)
                .strings("description", descriptions).build();
        Path dir = train(kind, big, Map.of(), work.resolve("scale"), products + "-product BM25 model");
        try (Scorer scorer = load(kind, dir, products + "-product BM25 model")) {
            List<String> queries = items.queries().stream().filter(q -> q != null).toList();
            double[] millis = new double[200];
            for (int q = 0; q < millis.length + 30; q++) {
                long start = System.nanoTime();
                scorer.score(request(queries.get(q % queries.size()), Map.of()));
                if (q >= 30) {
                    millis[q - 30] = (System.nanoTime() - start) / 1e6;
                }
            }
            Arrays.sort(millis);
            System.out.printf(Locale.ROOT, "%d products, bm25: p50 %.2f ms, p99 %.2f ms%n", products,
                    percentile(millis, 0.50), percentile(millis, 0.99));
        }
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String csv(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
