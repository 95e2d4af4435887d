package io.merx.benchmarks.encoder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.merx.encoder.internal.OfflineNatives;
import io.merx.encoder.internal.OnnxSentenceEncoder;

/**
 * Speed and quality of merx-encoder's all-MiniLM-L6-v2, next to scikit-learn TF-IDF + LinearSVC in the same run.
 *
 * <p>Speed: sentences/s encoding Banking77 test messages one per call, and in batches of 32. Quality: Banking77
 * test accuracy and macro-F1 of a {@link SoftmaxHead} trained on the embeddings of the training split.
 *
 * <p>Usage: {@code EncoderBenchmark <repo root> [--singles N] [--threads N]}; run with
 * {@code mvn -Pbenchmarks -pl benchmarks/encoder exec:exec}.
 */
public final class EncoderBenchmark {

    private static final int BATCH = 32;

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]).toAbsolutePath().normalize();
        int singles = intOption(args, "--singles", 300);
        int threads = intOption(args, "--threads", 0);
        Path data = repo.resolve("../shared/data").normalize();
        Path train = data.resolve("banking77_train.csv");
        Path test = data.resolve("banking77_test.csv");
        for (Path file : List.of(train, test)) {
            if (!Files.isRegularFile(file)) {
                throw new IOException("missing " + file + " (expected ../shared/data relative to the repository root)");
            }
        }
        String[][] trainRows = columns(train);
        String[][] testRows = columns(test);

        OfflineNatives.configure(Files.createTempDirectory("merx-encoder-bench"));
        long start = System.nanoTime();
        try (OnnxSentenceEncoder encoder = OnnxSentenceEncoder.load(OnnxSentenceEncoder.class, threads)) {
            double loadSeconds = seconds(start);
            System.out.printf(Locale.ROOT, "Loaded %s in %.1f s; %d cores, intra-op threads %s%n", encoder, loadSeconds,
                    Runtime.getRuntime().availableProcessors(), threads == 0 ? "automatic" : threads);

            encodeInBatches(encoder, Arrays.copyOf(testRows[0], 64)); // warm-up: first runs allocate and plan
            start = System.nanoTime();
            for (int i = 0; i < singles; i++) {
                encoder.encode(testRows[0][i]);
            }
            double singlePerSecond = singles / seconds(start);

            start = System.nanoTime();
            float[][] testEmbeddings = encodeInBatches(encoder, testRows[0]);
            double batchPerSecond = testRows[0].length / seconds(start);

            start = System.nanoTime();
            float[][] trainEmbeddings = encodeInBatches(encoder, trainRows[0]);
            double embedTrainSeconds = seconds(start);

            List<String> classes = new ArrayList<>(new TreeSet<>(Arrays.asList(trainRows[1])));
            int[] trainLabels = labels(trainRows[1], classes);
            int[] testLabels = labels(testRows[1], classes);
            start = System.nanoTime();
            SoftmaxHead head = SoftmaxHead.fit(trainEmbeddings, trainLabels, classes.size());
            double headSeconds = seconds(start);
            int[] predicted = head.predict(testEmbeddings);

            Map<String, Double> peer = runPeer(repo, train, test, singles);

            System.out.printf(Locale.ROOT, "%nBanking77: %d training, %d test messages (%d intents)%n",
                    trainRows[0].length, testRows[0].length, classes.size());
            System.out.println("| | encoder + softmax head | TF-IDF + LinearSVC (scikit-learn) |");
            System.out.println("|---|---|---|");
            System.out.printf(Locale.ROOT, "| test accuracy | %.4f | %.4f |%n", accuracy(predicted, testLabels),
                    peer.getOrDefault("accuracy", Double.NaN));
            System.out.printf(Locale.ROOT, "| test macro-F1 | %.4f | %.4f |%n",
                    macroF1(predicted, testLabels, classes.size()), peer.getOrDefault("macroF1", Double.NaN));
            System.out.printf(Locale.ROOT, "| training time | %.1f s embedding + %.1f s head (%d epochs) | %.1f s |%n",
                    embedTrainSeconds, headSeconds, head.epochs, peer.getOrDefault("fitSeconds", Double.NaN));
            System.out.printf(Locale.ROOT, "| messages/s, one per call (%d) | %.1f | %.1f |%n", singles,
                    singlePerSecond, peer.getOrDefault("singlePerSecond", Double.NaN));
            System.out.printf(Locale.ROOT, "| messages/s, batches of %d | %.1f | %.1f |%n", BATCH, batchPerSecond,
                    peer.getOrDefault("batch32PerSecond", Double.NaN));
            System.out.println("Head: " + head);
        }
    }

    private static float[][] encodeInBatches(OnnxSentenceEncoder encoder, String[] texts) {
        float[][] out = new float[texts.length][];
        for (int from = 0; from < texts.length; from += BATCH) {
            int to = Math.min(from + BATCH, texts.length);
            float[][] part = encoder.encode(Arrays.asList(texts).subList(from, to));
            System.arraycopy(part, 0, out, from, part.length);
        }
        return out;
    }

    private static Map<String, Double> runPeer(Path repo, Path train, Path test, int singles)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder("/usr/bin/python3",
                repo.resolve("benchmarks/encoder/encoder_peer.py").toString(), train.toString(), test.toString(),
                String.valueOf(singles)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int code = process.waitFor();
        Map<String, Double> figures = new HashMap<>();
        if (code != 0) {
            System.out.println("scikit-learn peer failed (exit " + code + "; install python3-sklearn): " + output);
            return figures;
        }
        Matcher m = Pattern.compile("\"(\\w+)\": ([0-9.eE+-]+)").matcher(output);
        while (m.find()) {
            figures.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return figures;
    }

    private static String[][] columns(Path file) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8, format)) {
            List<CSVRecord> records = parser.getRecords();
            String[][] out = new String[2][records.size()];
            for (int i = 0; i < records.size(); i++) {
                out[0][i] = records.get(i).get("text");
                out[1][i] = records.get(i).get("category");
            }
            return out;
        }
    }

    private static int[] labels(String[] names, List<String> classes) {
        int[] out = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = classes.indexOf(names[i]);
            if (out[i] < 0) {
                throw new IllegalArgumentException("test intent '" + names[i] + "' never occurs in training");
            }
        }
        return out;
    }

    private static double accuracy(int[] predicted, int[] truth) {
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            correct += predicted[i] == truth[i] ? 1 : 0;
        }
        return correct / (double) truth.length;
    }

    private static double macroF1(int[] predicted, int[] truth, int classes) {
        int[] tp = new int[classes];
        int[] fp = new int[classes];
        int[] fn = new int[classes];
        for (int i = 0; i < truth.length; i++) {
            if (predicted[i] == truth[i]) {
                tp[truth[i]]++;
            } else {
                fp[predicted[i]]++;
                fn[truth[i]]++;
            }
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            double denominator = 2.0 * tp[c] + fp[c] + fn[c];
            sum += denominator == 0 ? 0 : 2.0 * tp[c] / denominator;
        }
        return sum / classes;
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 1; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
