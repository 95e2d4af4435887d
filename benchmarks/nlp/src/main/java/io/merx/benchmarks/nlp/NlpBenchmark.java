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

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;
import io.merx.corenlp.internal.CoreNlpAnalyzer;
import io.merx.encoder.internal.EncoderModel;
import io.merx.encoder.internal.OfflineNatives;
import io.merx.encoder.internal.OnnxSentenceEncoder;
import io.merx.nlp.internal.NlpKind;

/**
 * Banking77 intents: accuracy and macro-F1 on the public test split, out-of-scope AUROC with 10 of the 77 intents
 * held out of training (their test messages are the out-of-scope ones), training time, and scorer throughput with
 * and without CoreNLP's sentiment; for Merx with the sentence encoder, Merx on n-grams alone, and scikit-learn
 * TF-IDF + LinearSVC in the same run. Optionally ({@code --sentimentRows N}) fine-food sentiment: the kind with the
 * encoder trained with a sentiment column, its answered sentiment on the first N test reviews, its throughput with
 * sentiment asked, and the scikit-learn peer on the same split; {@code --skipBanking} runs that part alone.
 *
 * <p>Arguments: repository root, then optional {@code --encoder all-MiniLM-L6-v2[-q] --epochs N --hashBits N --embeddingWeight X (0: chosen)
 * --sentimentRows N --throughputRows N --sentimentThroughputRows N --skipPeer --skipNgrams --skipOutOfScope --skipBanking
 * --dumpEmbeddings DIR}.
 * {@code --dumpEmbeddings DIR} only writes the encoder's embeddings of the Banking77 train and test messages
 * ({@code train.f32}, {@code test.f32}: big-endian float rows, file order) with their texts and labels for
 * {@code oos_simulation.py}, and exits.
 */
public final class NlpBenchmark {

    /** The held-out intents: every 7th of the 77 sorted labels from the 4th on (10 intents), fixed, not tuned. */
    static List<String> heldOutIntents(String[] labels) {
        List<String> sorted = new ArrayList<>(new java.util.TreeSet<>(Arrays.asList(labels)));
        List<String> out = new ArrayList<>();
        for (int i = 3; i < sorted.size() && out.size() < 10; i += 7) {
            out.add(sorted.get(i));
        }
        return out;
    }

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
        Map<String, Object> hp = new LinkedHashMap<>();
        hp.put("hashBits", Integer.parseInt(options.getOrDefault("hashBits", "15")));
        hp.put("epochs", Integer.parseInt(options.getOrDefault("epochs", "15")));
        hp.put("embeddingWeight", Double.parseDouble(options.getOrDefault("embeddingWeight", "0")));
        hp.put("seed", 42);

        StringBuilder report = new StringBuilder();
        line(report, "java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB, load average "
                + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        CoreNlpAnalyzer analyzer = new CoreNlpAnalyzer(1, 10_000, 60);
        line(report, String.format(Locale.ROOT, "CoreNLP pipeline load: %.1f s", analyzer.loadMillis() / 1000.0));
        OfflineNatives.configure(Files.createTempDirectory("merx-nlp-bench-natives"));
        OnnxSentenceEncoder encoder = OnnxSentenceEncoder.load(OnnxSentenceEncoder.class,
                EncoderModel.named(options.get("encoder")), 1);
        String[][] train = Csv.columns(data.resolve("banking77_train.csv"), "text", "category");
        String[][] test = Csv.columns(data.resolve("banking77_test.csv"), "text", "category");
        if (options.containsKey("dumpEmbeddings")) {
            dumpEmbeddings(encoder, Path.of(options.get("dumpEmbeddings")), Map.of("train", train, "test", test));
            return;
        }
        NlpKind withEncoder = new NlpKind(analyzer, encoder);
        NlpKind ngrams = new NlpKind(analyzer, null);
        List<String> heldOut = heldOutIntents(train[1]);
        line(report, "held-out intents for out-of-scope AUROC: " + heldOut);

        List<NlpKind> kinds = options.containsKey("skipBanking") ? List.of()
                : options.containsKey("skipNgrams") ? List.of(withEncoder) : List.of(ngrams, withEncoder);
        for (NlpKind kind : kinds) {
            String name = kind == ngrams ? "Merx n-grams only" : "Merx n-grams + " + encoder.model();
            // (a) all 77 intents: accuracy, macro-F1, training time
            Path dir = trainAndSave(kind, train, null, hp, report, name + ", 77 intents");
            try (Scorer scorer = kind.load(dir)) {
                List<ScoreResult> results = scoreBatches(scorer, test[0], 32, false);
                String[] predicted = new String[results.size()];
                for (int i = 0; i < predicted.length; i++) {
                    predicted[i] = topIntent(results.get(i));
                }
                line(report, String.format(Locale.ROOT, "%s, Banking77 test: accuracy %.4f, macro-F1 %.4f", name,
                        accuracy(predicted, test[1]), macroF1(predicted, test[1])));
                throughput(scorer, test[0], options, report, name);
            }
            if (options.containsKey("skipOutOfScope")) {
                continue;
            }
            // (b) 67 intents: out-of-scope detection of the 10 never seen
            Path heldOutDir = trainAndSave(kind, train, heldOut, hp, report, name + ", 67 intents");
            try (Scorer scorer = kind.load(heldOutDir)) {
                List<ScoreResult> results = scoreBatches(scorer, test[0], 32, false);
                outOfScope(results, test[1], heldOut, report, name);
            }
        }

        if (!options.containsKey("skipPeer") && !options.containsKey("skipBanking")) {
            long start = System.nanoTime();
            String peer = runPeer(repo, data.resolve("banking77_train.csv"), data.resolve("banking77_test.csv"), "text",
                    "category", String.join(",", heldOut));
            line(report, String.format(Locale.ROOT, "scikit-learn TF-IDF (word 1-2 + char_wb 2-5) + LinearSVC, "
                    + "single-threaded Python: %s (%.0f s wall)", peer, (System.nanoTime() - start) / 1e9));
        }

        int sentimentRows = Integer.parseInt(options.getOrDefault("sentimentRows", "0"));
        if (sentimentRows > 0) {
            fineFoods(withEncoder, repo, data, hp, sentimentRows, test[0], options, report);
        }
        analyzer.close();
        encoder.close();
        Path out = repo.resolve("benchmarks/nlp/target/results.md");
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
        System.out.println("written " + out);
    }

    private static void dumpEmbeddings(OnnxSentenceEncoder encoder, Path dir, Map<String, String[][]> splits)
            throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String[][]> split : splits.entrySet()) {
            String[] texts = split.getValue()[0];
            try (java.io.DataOutputStream out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(
                    Files.newOutputStream(dir.resolve(split.getKey() + ".f32"))))) {
                for (int from = 0; from < texts.length; from += 64) {
                    for (float[] row : encoder.encode(Arrays.asList(texts).subList(from,
                            Math.min(texts.length, from + 64)))) {
                        for (float f : row) {
                            out.writeFloat(f);
                        }
                    }
                }
            }
            Files.write(dir.resolve(split.getKey() + ".txt"), Arrays.stream(texts).map(t -> t.replace('\n', ' '))
                    .toList(), StandardCharsets.UTF_8);
            Files.write(dir.resolve(split.getKey() + ".lab"), Arrays.asList(split.getValue()[1]),
                    StandardCharsets.UTF_8);
        }
        System.out.println("embeddings written to " + dir);
    }

    private static Path trainAndSave(NlpKind kind, String[][] train, List<String> without, Map<String, Object> hp,
            StringBuilder report, String name) throws Exception {
        List<String> texts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < train[0].length; i++) {
            if (without == null || !without.contains(train[1][i])) {
                texts.add(train[0][i]);
                labels.add(train[1][i]);
            }
        }
        Map<String, Object> params = new LinkedHashMap<>(hp);
        params.put("intentColumn", "category");
        params.put("embeddings", kind.description().contains("embeddings") ? "required" : "off");
        Path dir = Files.createTempDirectory("merx-bench-banking77");
        long start = System.nanoTime();
        try (TrainedModel model = kind.newTrainer(HyperParameters.of(kind.parameters(), params))
                .train(Dataset.builder().strings("text", texts.toArray(String[]::new))
                        .strings("category", labels.toArray(String[]::new)).build(), progress())) {
            double seconds = (System.nanoTime() - start) / 1e9;
            line(report, String.format(Locale.ROOT, "%s: trained on %d messages in %.1f s; held-out metrics %s", name,
                    texts.size(), seconds, model.provenance().metrics()));
            model.save(dir);
        }
        return dir;
    }

    /** Messages per second on one thread: one request per call, batches of 32, and with sentiment asked. */
    private static void throughput(Scorer scorer, String[] texts, Map<String, String> options, StringBuilder report,
            String name) throws Exception {
        int rows = Math.min(texts.length, Integer.parseInt(options.getOrDefault("throughputRows", "1000")));
        String[] sample = Arrays.copyOf(texts, rows);
        scoreBatches(scorer, Arrays.copyOf(texts, 64), 1, false); // warm-up
        long start = System.nanoTime();
        scoreBatches(scorer, sample, 1, false);
        double single = rows / ((System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        scoreBatches(scorer, sample, 32, false);
        double batched = rows / ((System.nanoTime() - start) / 1e9);
        int sentimentRows = Math.min(rows, Integer.parseInt(options.getOrDefault("sentimentThroughputRows", "200")));
        start = System.nanoTime();
        scoreBatches(scorer, Arrays.copyOf(texts, sentimentRows), 1, true);
        double withSentiment = sentimentRows / ((System.nanoTime() - start) / 1e9);
        line(report, String.format(Locale.ROOT, "%s, one scoring thread: %.0f messages/s one per request, %.0f in "
                + "batches of 32 (%d messages); with sentiment asked: %.1f messages/s (%d messages)", name, single,
                batched, rows, withSentiment, sentimentRows));
    }

    private static void outOfScope(List<ScoreResult> results, String[] truth, List<String> heldOut,
            StringBuilder report, String name) {
        int n = results.size();
        double[] distance = new double[n];
        double[] unconfidence = new double[n];
        boolean[] outside = new boolean[n];
        int inside = 0;
        int falseOut = 0;
        int caught = 0;
        int correctInScope = 0;
        int acceptedInScope = 0;
        for (int i = 0; i < n; i++) {
            Map<String, Object> out = results.get(i).outputs();
            @SuppressWarnings("unchecked")
            Map<String, Object> scope = (Map<String, Object>) out.get("scope");
            Object value = scope.get("value");
            distance[i] = value == null ? Double.POSITIVE_INFINITY : ((Number) value).doubleValue();
            if ("confidence".equals(scope.get("measure"))) {
                distance[i] = -distance[i];
            }
            unconfidence[i] = -((Number) out.get("confidence")).doubleValue();
            outside[i] = heldOut.contains(truth[i]);
            boolean inScope = Boolean.TRUE.equals(out.get("inScope"));
            if (outside[i]) {
                caught += inScope ? 0 : 1;
            } else {
                inside++;
                falseOut += inScope ? 0 : 1;
                if (inScope) {
                    acceptedInScope++;
                    correctInScope += truth[i].equals(out.get("intent")) ? 1 : 0;
                }
            }
        }
        @SuppressWarnings("unchecked")
        Object measure = ((Map<String, Object>) results.get(0).outputs().get("scope")).get("measure");
        line(report, String.format(Locale.ROOT, "%s, 67 known + 10 held-out intents (%d in-scope, %d out-of-scope "
                + "test messages): AUROC of the model's scope measure (%s) %.4f, of 1 - confidence %.4f; at the "
                + "model's threshold: %.1f%% of in-scope called out of scope, %.1f%% of out-of-scope caught, in-scope "
                + "accuracy of accepted messages %.4f", name, inside, n - inside, measure, auroc(distance, outside),
                auroc(unconfidence, outside), 100.0 * falseOut / inside, 100.0 * caught / (n - inside),
                correctInScope / (double) Math.max(1, acceptedInScope)));
    }

    /** Probability that a random out-of-scope message scores higher than a random in-scope one (ties count half). */
    static double auroc(double[] score, boolean[] positive) {
        Integer[] order = new Integer[score.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        double rankSum = 0;
        long positives = 0;
        for (int i = 0; i < order.length;) {
            int j = i;
            while (j < order.length && score[order[j]] == score[order[i]]) {
                j++;
            }
            double rank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                if (positive[order[k]]) {
                    rankSum += rank;
                    positives++;
                }
            }
            i = j;
        }
        long negatives = score.length - positives;
        return (rankSum - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
    }

    private static String topIntent(ScoreResult r) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> top = (List<Map<String, Object>>) r.outputs().get("topIntents");
        return (String) top.get(0).get("intent");
    }

    private static List<ScoreResult> scoreBatches(Scorer scorer, String[] texts, int batch, boolean sentiment)
            throws Exception {
        List<ScoreResult> results = new ArrayList<>(texts.length);
        for (int from = 0; from < texts.length; from += batch) {
            List<ScoreRequest> requests = new ArrayList<>();
            for (int i = from; i < Math.min(texts.length, from + batch); i++) {
                requests.add(ScoreRequest.of(sentiment ? Map.of("text", texts[i], "sentiment", true)
                        : Map.of("text", texts[i])));
            }
            results.addAll(batch == 1 ? List.of(scorer.score(requests.get(0))) : scorer.scoreBatch(requests));
        }
        return results;
    }

    /**
     * Fine-food reviews ({@code great} = 5 stars vs {@code other}): the kind with the encoder, trained with the label as
     * its sentiment column ({@code great} as very positive, {@code other} as neutral), scores the first
     * {@code rows} test reviews with sentiment asked; a review counts as great when P(positive) + P(very positive)
     * of the answered sentiment is at least 0.5. Then the same model's throughput with sentiment asked, on the
     * reviews and on short Banking77 messages, and the scikit-learn peer on the same split.
     */
    private static void fineFoods(NlpKind kind, Path repo, Path data, Map<String, Object> hp, int rows,
            String[] shortMessages, Map<String, String> options, StringBuilder report) throws Exception {
        String[][] foodTrain = Csv.columns(data.resolve("fine_foods_train.csv"), "review", "score");
        String[][] foodTest = Csv.columns(data.resolve("fine_foods_test.csv"), "review", "score");
        rows = Math.min(foodTest[0].length, rows);
        String[] tone = new String[foodTrain[1].length];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = "great".equals(foodTrain[1][i]) ? "very positive" : "neutral";
        }
        Map<String, Object> foodHp = new LinkedHashMap<>(hp);
        foodHp.put("textColumn", "review");
        foodHp.put("intentColumn", "score");
        foodHp.put("sentimentColumn", "tone");
        Path foodDir = Files.createTempDirectory("merx-bench-food");
        long start = System.nanoTime();
        try (TrainedModel model = kind.newTrainer(HyperParameters.of(kind.parameters(), foodHp))
                .train(Dataset.builder().strings("review", foodTrain[0]).strings("score", foodTrain[1])
                        .strings("tone", tone).build(), progress())) {
            line(report, String.format(Locale.ROOT, "Fine foods, trained on %d reviews in %.1f s; held-out metrics %s",
                    foodTrain[0].length, (System.nanoTime() - start) / 1e9, model.provenance().metrics()));
            model.save(foodDir);
        }
        String[] reviews = Arrays.copyOf(foodTest[0], rows);
        String[] truth = Arrays.copyOf(foodTest[1], rows);
        try (Scorer scorer = kind.load(foodDir)) {
            start = System.nanoTime();
            List<ScoreResult> scored = scoreBatches(scorer, reviews, 1, true);
            double seconds = (System.nanoTime() - start) / 1e9;
            String[] predicted = new String[rows];
            String[] sources = new String[rows];
            for (int i = 0; i < rows; i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> sentiment = (Map<String, Object>) scored.get(i).outputs().get("sentiment");
                @SuppressWarnings("unchecked")
                Map<String, Object> distribution = (Map<String, Object>) sentiment.get("distribution");
                double positive = ((Number) distribution.get("positive")).doubleValue()
                        + ((Number) distribution.get("very positive")).doubleValue();
                predicted[i] = positive >= 0.5 ? "great" : "other";
                sources[i] = (String) sentiment.get("source");
            }
            line(report, String.format(Locale.ROOT, "Fine foods, %d test reviews one per request with sentiment asked "
                    + "(source %s): accuracy %.4f, macro-F1 %.4f; %.1f reviews/s on one scoring thread", rows,
                    new java.util.TreeSet<>(Arrays.asList(sources)), accuracy(predicted, truth),
                    macroF1(predicted, truth), rows / seconds));
            throughput(scorer, shortMessages, options, report, "Fine-foods model (sentiment head) on Banking77 messages");
        }
        if (!options.containsKey("skipPeer")) {
            start = System.nanoTime();
            String peer = runPeer(repo, data.resolve("fine_foods_train.csv"), data.resolve("fine_foods_test.csv"),
                    "review", "score", "");
            line(report, String.format(Locale.ROOT, "scikit-learn TF-IDF (word 1-2 + char_wb 2-5) + LinearSVC on fine "
                    + "foods: %s (%.0f s wall)", peer, (System.nanoTime() - start) / 1e9));
        }
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

    private static String runPeer(Path repo, Path train, Path test, String textColumn, String labelColumn,
            String heldOut) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("/usr/bin/python3", repo.resolve("benchmarks/nlp/sklearn_peer.py").toString(),
                train.toString(), test.toString(), textColumn, labelColumn, heldOut).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int code = process.waitFor();
        if (code != 0) {
            return "failed (exit " + code + "; install python3-sklearn): " + output;
        }
        return output;
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



    private static void line(StringBuilder report, String text) {
        System.out.println(text);
        report.append("- ").append(text).append('\n');
    }
}
