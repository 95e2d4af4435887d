package io.merx.benchmarks.nlp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;
import io.merx.corenlp.internal.CoreNlpAnalyzer;
import io.merx.nlp.internal.NlpKind;

/**
 * Banking77 intent accuracy and macro-F1 (Merx vs scikit-learn, same run), fine-food sentiment (CoreNLP mapped,
 * Merx classifier, and both combined), whole-pipeline throughput, pipeline load time and heap.
 *
 * <p>Arguments: repository root, then optional {@code --epochs N --hashBits N --hidden N --batchSize N
 * --sentimentRows N --threads N --skipPeer}.
 */
public final class NlpBenchmark {

    private NlpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]).toAbsolutePath().normalize();
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
                options.put(args[i].substring(2), flag ? "true" : args[++i]);
            }
        }
        Path data = repo.resolve("../shared/data").normalize();
        for (String file : List.of("banking77_train.csv", "banking77_test.csv", "fine_foods_train.csv",
                "fine_foods_test.csv")) {
            if (!Files.isRegularFile(data.resolve(file))) {
                System.err.println("benchmark data missing: " + data.resolve(file)
                        + " (expected ../shared/data relative to the repository root)");
                System.exit(2);
            }
        }
        int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        Map<String, Object> hp = new LinkedHashMap<>();
        hp.put("hashBits", Integer.parseInt(options.getOrDefault("hashBits", "15")));
        hp.put("hidden", Integer.parseInt(options.getOrDefault("hidden", "256")));
        hp.put("epochs", Integer.parseInt(options.getOrDefault("epochs", "10")));
        hp.put("batchSize", Integer.parseInt(options.getOrDefault("batchSize", "64")));
        hp.put("learningRate", Double.parseDouble(options.getOrDefault("learningRate", "0.002")));
        hp.put("holdout", 0.1);
        hp.put("seed", 42);

        StringBuilder report = new StringBuilder();
        line(report, "java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");

        long heapBefore = usedHeap();
        CoreNlpAnalyzer analyzer = new CoreNlpAnalyzer(threads, 10_000, 60);
        long heapAfter = usedHeap();
        line(report, String.format(Locale.ROOT, "CoreNLP pipeline load: %.1f s, heap +%d MiB (after GC)",
                analyzer.loadMillis() / 1000.0, (heapAfter - heapBefore) >> 20));
        NlpKind kind = new NlpKind(analyzer);

        // ---- Banking77 intents
        String[][] train = Csv.columns(data.resolve("banking77_train.csv"), "text", "category");
        String[][] test = Csv.columns(data.resolve("banking77_test.csv"), "text", "category");
        Map<String, Object> bankingHp = new LinkedHashMap<>(hp);
        bankingHp.put("intentColumn", "category");
        long start = System.nanoTime();
        Path bankingDir = Files.createTempDirectory("merx-bench-banking77");
        Map<String, Double> trainMetrics;
        try (TrainedModel model = kind.newTrainer(HyperParameters.of(kind.parameters(), bankingHp))
                .train(Dataset.builder().strings("text", train[0]).strings("category", train[1]).build(),
                        progress())) {
            trainMetrics = model.provenance().metrics();
            model.save(bankingDir);
        }
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        line(report, "Merx training (" + bankingHp + "): " + String.format(Locale.ROOT, "%.1f s", trainSeconds)
                + "; held-out metrics " + trainMetrics);

        List<ScoreResult> results;
        double scoreSeconds;
        long[] latencies = new long[test[0].length];
        try (Scorer scorer = kind.load(bankingDir)) {
            scoreAll(scorer, Arrays.copyOf(test[0], Math.min(50, test[0].length)), threads, new long[50]); // warm-up
            start = System.nanoTime();
            results = scoreAll(scorer, test[0], threads, latencies);
            scoreSeconds = (System.nanoTime() - start) / 1e9;
        }
        String[] predicted = new String[results.size()];
        double[] confidence = new double[results.size()];
        int inScope = 0;
        int urgent = 0;
        int human = 0;
        for (int i = 0; i < predicted.length; i++) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> top = (List<Map<String, Object>>) results.get(i).outputs().get("topIntents");
            predicted[i] = (String) top.get(0).get("intent");
            confidence[i] = ((Number) top.get(0).get("confidence")).doubleValue();
            inScope += Boolean.TRUE.equals(results.get(i).outputs().get("inScope")) ? 1 : 0;
            urgent += "urgent".equals(results.get(i).text("routing")) ? 1 : 0;
            human += "human".equals(results.get(i).text("routing")) ? 1 : 0;
        }
        double accuracy = accuracy(predicted, test[1]);
        double macroF1 = macroF1(predicted, test[1]);
        double ece = ece(predicted, test[1], confidence);
        Arrays.sort(latencies);
        line(report, String.format(Locale.ROOT,
                "Merx Banking77 test: accuracy %.4f, macro-F1 %.4f, ECE %.4f (calibrated, T=%.3f), in scope %.1f%%, "
                        + "routing human %d / urgent %d of %d", accuracy, macroF1, ece, trainMetrics.get("temperature"),
                100.0 * inScope / predicted.length, human, urgent, predicted.length));
        line(report, String.format(Locale.ROOT,
                "Whole pipeline (classifier + CoreNLP tokenize/ssplit/pos/lemma/ner/parse/sentiment + answer + routing), "
                        + "%d threads: %.1f messages/s = %.1f messages/s per core; latency p50 %.0f ms, p95 %.0f ms",
                threads, predicted.length / scoreSeconds, predicted.length / scoreSeconds / threads,
                latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.95)] / 1e6));

        if (!options.containsKey("skipPeer")) {
            start = System.nanoTime();
            String peer = runPeer(repo, data);
            line(report, String.format(Locale.ROOT, "scikit-learn TF-IDF (word 1-2 + char_wb 2-5) + LinearSVC: %s (%.0f s wall)",
                    peer, (System.nanoTime() - start) / 1e9));
        }

        // ---- Fine-food sentiment (great vs other)
        String[][] foodTrain = Csv.columns(data.resolve("fine_foods_train.csv"), "review", "score");
        String[][] foodTest = Csv.columns(data.resolve("fine_foods_test.csv"), "review", "score");
        int rows = Math.min(foodTest[0].length, Integer.parseInt(options.getOrDefault("sentimentRows", "1000")));
        Map<String, Object> foodHp = new LinkedHashMap<>(hp);
        foodHp.put("textColumn", "review");
        foodHp.put("intentColumn", "score");
        foodHp.put("hidden", 64);
        Path foodDir = Files.createTempDirectory("merx-bench-food");
        try (TrainedModel model = kind.newTrainer(HyperParameters.of(kind.parameters(), foodHp))
                .train(Dataset.builder().strings("review", foodTrain[0]).strings("score", foodTrain[1]).build(),
                        TrainingContext.silent())) {
            model.save(foodDir);
        }
        String[] reviews = Arrays.copyOf(foodTest[0], rows);
        String[] truth = Arrays.copyOf(foodTest[1], rows);
        List<ScoreResult> scored;
        start = System.nanoTime();
        try (Scorer scorer = kind.load(foodDir)) {
            scored = scoreAll(scorer, reviews, threads, new long[rows]);
        }
        double sentimentSeconds = (System.nanoTime() - start) / 1e9;
        String[] coreNlp = new String[rows];
        String[] classifier = new String[rows];
        String[] combined = new String[rows];
        int unknown = 0;
        for (int i = 0; i < rows; i++) {
            Map<String, Object> out = scored.get(i).outputs();
            @SuppressWarnings("unchecked")
            Map<String, Object> sentiment = (Map<String, Object>) out.get("sentiment");
            @SuppressWarnings("unchecked")
            Map<String, Object> distribution = (Map<String, Object>) sentiment.get("distribution");
            double pCore = 0.5;
            if (distribution == null) {
                unknown++;
            } else {
                pCore = ((Number) distribution.get("positive")).doubleValue()
                        + ((Number) distribution.get("very positive")).doubleValue();
            }
            String label = (String) sentiment.get("label");
            coreNlp[i] = label.endsWith("positive") ? "great" : "other";
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> top = (List<Map<String, Object>>) out.get("topIntents");
            double pGreat = 0;
            for (Map<String, Object> t : top) {
                if ("great".equals(t.get("intent"))) {
                    pGreat = ((Number) t.get("confidence")).doubleValue();
                }
            }
            classifier[i] = pGreat >= 0.5 ? "great" : "other";
            combined[i] = (pGreat + pCore) / 2 >= 0.5 ? "great" : "other";
        }
        line(report, String.format(Locale.ROOT,
                "Fine foods (%d test reviews, %.0f s, %.2f reviews/s): CoreNLP sentiment mapped (positive/very positive = great) "
                        + "accuracy %.4f; Merx classifier %.4f; combined (mean of P(great) and CoreNLP P(positive)+P(very positive)) %.4f; "
                        + "%d reviews without sentiment (time budget or no parsable sentence)",
                rows, sentimentSeconds, rows / sentimentSeconds, accuracy(coreNlp, truth), accuracy(classifier, truth),
                accuracy(combined, truth), unknown));
        analyzer.close();
        Path out = repo.resolve("benchmarks/nlp/target/results.md");
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
        System.out.println("written " + out);
    }

    private static TrainingContext progress() {
        return new TrainingContext() {
            @Override
            public void progress(double fraction, String message) {
                System.out.println("  training " + Math.round(fraction * 100) + "%: " + message);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }

    private static List<ScoreResult> scoreAll(Scorer scorer, String[] texts, int threads, long[] latencies)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<ScoreResult>> futures = new ArrayList<>();
            for (int i = 0; i < texts.length; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    ScoreResult r = scorer.score(ScoreRequest.of(Map.of("text", texts[index])));
                    latencies[index] = System.nanoTime() - t0;
                    return r;
                }));
            }
            List<ScoreResult> results = new ArrayList<>();
            for (Future<ScoreResult> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String runPeer(Path repo, Path data) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("/usr/bin/python3", repo.resolve("benchmarks/nlp/sklearn_peer.py").toString(),
                data.resolve("banking77_train.csv").toString(), data.resolve("banking77_test.csv").toString(), "text",
                "category").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int code = process.waitFor();
        if (code != 0) {
            return "failed (exit " + code + "; install python3-sklearn): " + output;
        }
        Matcher m = Pattern.compile("\"accuracy\": ([0-9.]+), \"macroF1\": ([0-9.]+), \"fitSeconds\": ([0-9.]+)")
                .matcher(output);
        return m.find() ? String.format(Locale.ROOT, "accuracy %.4f, macro-F1 %.4f, fit %.1f s",
                Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))) : output;
    }

    private static double accuracy(String[] predicted, String[] truth) {
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i].equals(truth[i]) ? 1 : 0;
        }
        return correct / (double) predicted.length;
    }

    private static double macroF1(String[] predicted, String[] truth) {
        Map<String, int[]> counts = new HashMap<>(); // tp, fp, fn
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i].equals(truth[i])) {
                counts.computeIfAbsent(truth[i], k -> new int[3])[0]++;
            } else {
                counts.computeIfAbsent(predicted[i], k -> new int[3])[1]++;
                counts.computeIfAbsent(truth[i], k -> new int[3])[2]++;
            }
        }
        double sum = 0;
        int classes = 0;
        for (int[] c : counts.values()) {
            if (c[0] + c[2] == 0) {
                continue; // a label never in the truth has no recall; scikit-learn would count it too only if predicted
            }
            classes++;
            double p = c[0] + c[1] == 0 ? 0 : c[0] / (double) (c[0] + c[1]);
            double r = c[0] / (double) (c[0] + c[2]);
            sum += p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
        return sum / classes;
    }

    private static double ece(String[] predicted, String[] truth, double[] confidence) {
        int bins = 15;
        double[] conf = new double[bins];
        double[] acc = new double[bins];
        for (int i = 0; i < predicted.length; i++) {
            int b = Math.min(bins - 1, (int) (confidence[i] * bins));
            conf[b] += confidence[i];
            acc[b] += predicted[i].equals(truth[i]) ? 1 : 0;
        }
        double e = 0;
        for (int b = 0; b < bins; b++) {
            e += Math.abs(acc[b] - conf[b]);
        }
        return e / predicted.length;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static void line(StringBuilder report, String text) {
        System.out.println(text);
        report.append("- ").append(text).append('\n');
    }
}
