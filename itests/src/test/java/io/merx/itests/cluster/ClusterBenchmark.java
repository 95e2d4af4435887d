package io.merx.itests.cluster;

import static io.merx.itests.cluster.MerxNodes.activate;
import static io.merx.itests.cluster.MerxNodes.liveVersion;
import static io.merx.itests.cluster.MerxNodes.millisSince;
import static io.merx.itests.cluster.MerxNodes.percentiles;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * On-demand benchmark of cluster mode (never run by CI: its name does not end in IT). For a plain single node
 * (the embedded default, the peer) and clusters of 1, 2 and 3 nodes on one PostgreSQL, all on this machine:
 * <ul>
 * <li>scoring throughput over HTTP, the load spread round robin over the nodes by {@value #THREADS} threads that
 * send back to back, after a warm-up;</li>
 * <li>convergence: how long an activation call on node 1 takes, and from its return until every node serves the
 * new version, over {@value #ACTIVATIONS} activations under light load.</li>
 * </ul>
 * The nodes, the load generator and PostgreSQL share the machine's cores, so on a small machine more nodes show
 * the cost of cluster mode, not scaling. Run: {@code benchmarks/cluster/run.sh}; the sizes to run are
 * {@code -Dmerx.bench.sizes=0,1,2,3} (0 is the plain node). Appends its table to
 * {@code itests/target/cluster-benchmark.md}.
 */
class ClusterBenchmark {

    private static final int THREADS = 8;
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final Duration MEASURE = Duration.ofSeconds(30);
    private static final int ACTIVATIONS = 10;
    private static final Path REPORT = Path.of("target/cluster-benchmark.md");

    @Test
    void throughputAndConvergenceByNodeCount() throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("merx.bench.sizes", "0,1,2,3").split(","))
                .map(String::trim).mapToInt(Integer::parseInt).toArray();
        append(String.format(Locale.ROOT, "%n%s, %d cores, %d threads back to back, %d s measured after %d s"
                + " warm-up%n%n| nodes | started in | scores/s | p50 ms | p99 ms | activate call p50/max |"
                + " return to every node p50/max |%n|---|---|---|---|---|---|---|%n", Instant.now(),
                Runtime.getRuntime().availableProcessors(), THREADS, MEASURE.toSeconds(), WARM_UP.toSeconds()));
        for (int size : sizes) {
            append(run(size) + "\n");
        }
        System.out.println(Files.readString(REPORT));
    }

    private static String run(int size) throws Exception {
        long began = System.nanoTime();
        Path root = Path.of("target/cluster-benchmark/" + size);
        try (MerxNodes nodes = size == 0 ? MerxNodes.single(root) : MerxNodes.cluster(root, size)) {
            long started = millisSince(began) / 1000;

            ScoringLoad warm = nodes.load(THREADS, Duration.ZERO);
            warm.start();
            Thread.sleep(WARM_UP.toMillis());
            warm.stop();
            ScoringLoad load = nodes.load(THREADS, Duration.ZERO);
            load.start();
            Thread.sleep(MEASURE.toMillis());
            load.stop();
            assertEquals(0, load.failures(), load.report());
            double perSecond = load.successes() / (double) MEASURE.toSeconds();
            double p50 = nodes.nodes().stream().mapToDouble(n -> load.tally(n).latencyMillis(0.5)).max()
                    .orElse(0);
            double p99 = nodes.nodes().stream().mapToDouble(n -> load.tally(n).latencyMillis(0.99)).max()
                    .orElse(0);

            List<Long> calls = new ArrayList<>();
            List<Long> spread = new ArrayList<>();
            try (ScoringLoad light = nodes.load(2, Duration.ofMillis(5))) {
                light.start();
                KarafNode operator = nodes.node(1);
                String live = liveVersion(operator);
                for (int i = 0; i < ACTIVATIONS; i++) {
                    String target = nodes.versionOtherThan(live);
                    long call = System.nanoTime();
                    long returned = activate(operator, target);
                    calls.add(Duration.ofNanos(returned - call).toMillis());
                    nodes.awaitEveryNode(target);
                    spread.add(millisSince(returned));
                    live = target;
                }
                light.stop();
                assertEquals(0, light.failures(), light.report());
            }
            String label = size == 0 ? "1 (plain, no cluster mode)" : size + " (cluster)";
            System.out.printf("%s: %s%n", label, load.report().lines().findFirst().orElse(""));
            return String.format(Locale.ROOT, "| %s | %d s | %.0f | %.1f | %.1f | %s | %s |", label, started,
                    perSecond, p50, p99, percentiles(calls), percentiles(spread));
        }
    }

    private static void append(String text) throws IOException {
        Files.createDirectories(REPORT.toAbsolutePath().getParent());
        Files.writeString(REPORT, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
