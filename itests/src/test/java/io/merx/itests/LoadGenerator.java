package io.merx.itests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import io.merx.api.ScoreRequest;
import io.merx.api.runtime.ModelRuntime;

/** Scoring threads that count successes and failures and record latency per named phase. */
final class LoadGenerator {
    private final ModelRuntime runtime;
    private final String model;
    private final LongFunction<ScoreRequest> requests;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong successes = new AtomicLong();
    private final AtomicInteger failures = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> failureMessages = new ConcurrentLinkedQueue<>();
    private final List<String> phases = new ArrayList<>();
    private final List<ConcurrentLinkedQueue<Long>> latencies = new ArrayList<>();
    private volatile int phase = -1;
    private volatile boolean running = true;

    LoadGenerator(ModelRuntime runtime, String model, int threadCount,
            LongFunction<ScoreRequest> requests) {
        this.runtime = runtime;
        this.model = model;
        this.requests = requests;
        for (int t = 0; t < threadCount; t++) {
            int id = t;
            threads.add(new Thread(() -> run(id), "merx-it-load-" + t));
        }
    }

    void start() {
        beginPhase("warmup");
        threads.forEach(Thread::start);
    }

    synchronized void beginPhase(String name) {
        phases.add(name);
        latencies.add(new ConcurrentLinkedQueue<>());
        phase = phases.size() - 1;
    }

    void phase(String name, Duration length) throws InterruptedException {
        beginPhase(name);
        Thread.sleep(length.toMillis());
    }

    private void run(int id) {
        long n = 0;
        while (running) {
            ScoreRequest inputs = requests.apply(n++);
            ScoreRequest request = new ScoreRequest("user-" + id + "-" + n, inputs.inputs());
            long start = System.nanoTime();
            try {
                runtime.score(model, request);
                successes.incrementAndGet();
                latencies.get(phase).add(System.nanoTime() - start);
            } catch (Exception e) {
                failures.incrementAndGet();
                failureMessages.add(e.toString());
            }
        }
    }

    void stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(10_000);
        }
    }

    long successes() {
        return successes.get();
    }

    int failures() {
        return failures.get();
    }

    String firstFailure() {
        return failureMessages.peek();
    }

    String report() {
        StringBuilder out = new StringBuilder("load: ").append(successes()).append(" ok, ").append(failures())
                .append(" failed");
        for (int i = 1; i < phases.size(); i++) {
            long[] nanos = latencies.get(i).stream().mapToLong(Long::longValue).sorted().toArray();
            if (nanos.length == 0) {
                continue;
            }
            out.append(String.format(Locale.ROOT, "; %s: %d requests, p50 %.3f ms, p99 %.3f ms", phases.get(i),
                    nanos.length, nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6));
        }
        return out.toString();
    }
}
