package io.merx.benchmarks.nlp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import io.merx.api.ScoreRequest;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.TrainingJob;
import io.merx.api.runtime.TrainingRequest;
import io.merx.corenlp.internal.CoreNlpAnalyzer;
import io.merx.encoder.internal.EncoderModel;
import io.merx.encoder.internal.OfflineNatives;
import io.merx.encoder.internal.OnnxSentenceEncoder;
import io.merx.nlp.internal.NlpKind;
import io.merx.runtime.internal.TestRuntimes;

/**
 * Dynamic batching on the NLP intent kind: the kind with the sentence encoder, trained on Banking77 through the real
 * in-process runtime, scored by concurrent callers in a closed loop (each sends its next Banking77 test message when
 * its last is answered) with batching off and on, each setting warmed up and then measured for a fixed time.
 * Prints throughput and the latency a caller sees (its wait for the batch included).
 *
 * <p>Arguments: repository root, then optional {@code --encoder all-MiniLM-L6-v2[-q] --callers 16 --seconds 20
 * --delays off,200,1000} (maximum delays in microseconds; batches of at most 32).
 */
public final class NlpBatchingBenchmark {

    private static final String MODEL = "banking77";

    private NlpBatchingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]).toAbsolutePath().normalize();
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int callers = Integer.parseInt(options.getOrDefault("callers", "16"));
        long seconds = Long.parseLong(options.getOrDefault("seconds", "20"));
        Path data = repo.resolve("../shared/data").normalize();
        Path train = data.resolve("banking77_train.csv");
        String[] test = Csv.columns(data.resolve("banking77_test.csv"), "text", "category")[0];

        System.out.printf(Locale.ROOT, "java %s, %d cores, %d callers, %d s per setting%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), callers, seconds);
        Path dir = Files.createTempDirectory("merx-nlp-batching");
        OfflineNatives.configure(dir.resolve("natives"));
        try (CoreNlpAnalyzer analyzer = new CoreNlpAnalyzer(1, 10_000, 60);
                OnnxSentenceEncoder encoder = OnnxSentenceEncoder.load(OnnxSentenceEncoder.class,
                        EncoderModel.named(options.get("encoder")), 1)) {
            ModelRuntime runtime = TestRuntimes.create(dir.resolve("store"), new NlpKind(analyzer, encoder));
            try {
                long start = System.nanoTime();
                TrainingJob job = runtime.train(TrainingRequest.builder(MODEL, NlpKind.NAME, train)
                        .parameter("intentColumn", "category").activate(true).build());
                if (!job.await(Duration.ofMinutes(10)) || job.resultVersion().isEmpty()) {
                    throw new IllegalStateException("training failed: " + job.message());
                }
                System.out.printf(Locale.ROOT, "trained %s with %s in %.1f s%n", MODEL, encoder.model(),
                        (System.nanoTime() - start) / 1e9);
                System.out.println();
                System.out.println("| batching (maxBatchSize 32) | messages/s | p50 ms | p90 ms | p99 ms | p99.9 ms |");
                System.out.println("|---|---|---|---|---|---|");
                for (String delay : options.getOrDefault("delays", "off,200,1000").split(",")) {
                    if ("off".equals(delay)) {
                        TestRuntimes.batch(runtime, Duration.ZERO, 32);
                    } else {
                        TestRuntimes.batch(runtime, Duration.ofNanos(Long.parseLong(delay) * 1000), 32, MODEL);
                    }
                    run(runtime, test, callers, 10); // warm-up
                    long[] latencies = run(runtime, test, callers, seconds);
                    Arrays.sort(latencies);
                    System.out.printf(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %.2f | %.2f |%n",
                            "off".equals(delay) ? "off" : delay + " µs", latencies.length / (double) seconds,
                            percentile(latencies, 0.5), percentile(latencies, 0.9), percentile(latencies, 0.99),
                            percentile(latencies, 0.999));
                }
            } finally {
                TestRuntimes.close(runtime);
            }
        }
    }

    /** Each caller scores test messages back to back for the given time; every latency in nanoseconds. */
    private static long[] run(ModelRuntime runtime, String[] messages, int callers, long seconds)
            throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<long[]> perCaller = new ArrayList<>();
        int[] counts = new int[callers];
        AtomicLong failures = new AtomicLong();
        CountDownLatch done = new CountDownLatch(callers);
        for (int c = 0; c < callers; c++) {
            long[] mine = new long[1 << 20];
            perCaller.add(mine);
            int caller = c;
            Thread t = new Thread(() -> {
                int n = 0;
                int next = caller * 97;
                try {
                    while (System.nanoTime() < end && n < mine.length) {
                        ScoreRequest request = ScoreRequest.of(Map.of("text", messages[next++ % messages.length]));
                        long sent = System.nanoTime();
                        try {
                            runtime.score(MODEL, request);
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                        mine[n++] = System.nanoTime() - sent;
                    }
                } finally {
                    counts[caller] = n;
                    done.countDown();
                }
            }, "caller-" + c);
            t.start();
        }
        done.await();
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " requests failed");
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < callers; c++) {
            System.arraycopy(perCaller.get(c), 0, all, at, counts[c]);
            at += counts[c];
        }
        return all;
    }

    private static double percentile(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
