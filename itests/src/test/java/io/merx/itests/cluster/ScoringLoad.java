package io.merx.itests.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scoring traffic as a load balancer spreads it: threads that send one scoring request after another over HTTP to
 * the nodes in turn, skipping nodes taken out of rotation ({@link #remove}, as a load balancer does when a node's
 * readiness probe fails). Counts per node: successes, failures with their status and body, latencies.
 *
 * <pre>{@code
 * try (ScoringLoad load = new ScoringLoad(nodes, "/api/v1/models/m/score", body, 4, Duration.ofMillis(5))) {
 *     load.start();
 *     ... activate, kill a node ...
 *     load.stop();
 *     assertEquals(0, load.failures(), load.report());
 * }
 * }</pre>
 */
public final class ScoringLoad implements AutoCloseable {

    /** Failures kept with their detail; the counts go on past it. */
    private static final int KEPT_FAILURES = 20;

    private final List<KarafNode> nodes;
    private final String path;
    private final String body;
    private final Duration pause;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Thread> threads = new ArrayList<>();
    private final Map<KarafNode, Tally> tallies = new LinkedHashMap<>();
    private final Set<KarafNode> removed = ConcurrentHashMap.newKeySet();
    private final AtomicLong turn = new AtomicLong();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final Map<KarafNode, String> authorizations = new ConcurrentHashMap<>();
    private volatile boolean running;

    /**
     * @param nodes the nodes, in the order requests go round
     * @param path the scoring path, e.g. {@code /api/v1/models/<model>/score}
     * @param body the JSON each request sends
     * @param threads how many requests are in flight at once
     * @param pause each thread's pause between requests, so the load leaves the 2-core machine room to swap
     */
    public ScoringLoad(List<KarafNode> nodes, String path, String body, int threads, Duration pause) {
        this.nodes = List.copyOf(nodes);
        this.path = path;
        this.body = body;
        this.pause = pause;
        for (KarafNode node : nodes) {
            tallies.put(node, new Tally());
        }
        for (int t = 0; t < threads; t++) {
            this.threads.add(new Thread(this::run, "merx-cluster-load-" + t));
        }
    }

    /** Starts the threads. Each node's credentials are read first, so no request waits for a password file. */
    public void start() throws IOException, InterruptedException {
        for (KarafNode node : nodes) {
            authorizations.put(node, "Basic " + Base64.getEncoder()
                    .encodeToString(node.credentials().getBytes(StandardCharsets.UTF_8)));
        }
        running = true;
        threads.forEach(Thread::start);
    }

    /** Takes a node out of rotation: no new request goes to it (requests already sent still count for it). */
    public void remove(KarafNode node) {
        removed.add(node);
    }

    /** Puts a node back into rotation. */
    public void restore(KarafNode node) {
        removed.remove(node);
    }

    private void run() {
        while (running) {
            KarafNode node = next();
            if (node == null) {
                sleep(pause.isZero() ? Duration.ofMillis(10) : pause);
                continue;
            }
            score(node);
            if (!pause.isZero()) {
                sleep(pause);
            }
        }
    }

    private KarafNode next() {
        for (int i = 0; i < nodes.size(); i++) {
            KarafNode node = nodes.get((int) (turn.getAndIncrement() % nodes.size()));
            if (!removed.contains(node)) {
                return node;
            }
        }
        return null;
    }

    private void score(KarafNode node) {
        Tally tally = tallies.get(node);
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorizations.get(node))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - start;
            if (response.statusCode() == 200) {
                tally.succeeded(nanos);
            } else {
                tally.failed();
                keep(node + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            tally.failed();
            keep(node + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void keep(String failure) {
        if (failures.size() < KEPT_FAILURES) {
            failures.add(failure);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the threads once their requests in flight have been answered. */
    public void stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(60_000);
        }
    }

    /** What one node answered so far. */
    public Tally tally(KarafNode node) {
        return tallies.get(node);
    }

    /** Successes over all nodes. */
    public long successes() {
        return tallies.values().stream().mapToLong(Tally::successes).sum();
    }

    /** Failures over all nodes. */
    public long failures() {
        return tallies.values().stream().mapToLong(Tally::failures).sum();
    }

    /** Failures of every node but these (nodes the test killed on purpose). */
    public long failuresExcept(KarafNode... expectedDown) {
        Set<KarafNode> skip = Set.of(expectedDown);
        return tallies.entrySet().stream().filter(e -> !skip.contains(e.getKey()))
                .mapToLong(e -> e.getValue().failures()).sum();
    }

    /** Names of the nodes that answered no request successfully (the load never reached them, or they failed). */
    public List<String> nodesWithoutSuccess() {
        return tallies.entrySet().stream().filter(e -> e.getValue().successes() == 0).map(e -> e.getKey().name())
                .toList();
    }

    /** Counts and latencies per node, and the first failures in full. */
    public String report() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "scoring: %d ok, %d failed",
                successes(), failures()));
        tallies.forEach((node, tally) -> out.append("; ").append(node.name()).append(": ").append(tally));
        failures.forEach(failure -> out.append("\n  ").append(failure));
        return out.toString();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** One node's answers: successes with their latencies, failures. */
    public static final class Tally {
        private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        private final AtomicLong failures = new AtomicLong();

        void succeeded(long nanos) {
            latencies.add(nanos);
        }

        void failed() {
            failures.incrementAndGet();
        }

        public long successes() {
            return latencies.size();
        }

        public long failures() {
            return failures.get();
        }

        /** The latency at quantile q (0.5 for the median) in milliseconds; 0 without successes. */
        public double latencyMillis(double q) {
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            if (sorted.length == 0) {
                return 0;
            }
            return sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1e6;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d ok, %d failed, p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                    successes(), failures(), latencyMillis(0.5), latencyMillis(0.99), latencyMillis(1.0));
        }
    }
}
