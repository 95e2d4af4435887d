package io.merx.itests.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Several {@link KarafNode}s on one machine, named {@code node-1}, {@code node-2}, ... in
 * {@code <root>/<name>}. Starts and stops them together (their start-ups overlap, as a rolling deployment's would
 * not, but a test has minutes, not hours); closing stops every node still running.
 */
public final class KarafCluster implements AutoCloseable {

    private final List<KarafNode> nodes;

    private KarafCluster(List<KarafNode> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /** Unpacks {@code size} fresh nodes under {@code root}; none is started. */
    public static KarafCluster create(Distribution distribution, Path root, int size)
            throws IOException, InterruptedException {
        Files.createDirectories(root);
        List<KarafNode> nodes = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            String name = "node-" + i;
            nodes.add(KarafNode.create(distribution, root.resolve(name), name));
        }
        return new KarafCluster(nodes);
    }

    public List<KarafNode> nodes() {
        return nodes;
    }

    /** The i-th node, from 1 as in its name. */
    public KarafNode node(int i) {
        return nodes.get(i - 1);
    }

    /** Starts every node and waits until each is ready. */
    public void startAll(Duration timeout) throws Exception {
        for (KarafNode node : nodes) {
            node.start();
        }
        each(node -> {
            node.awaitReady(timeout);
            return null;
        });
    }

    /** Stops every node ({@code bin/stop}) at once; true if each stopped by itself. */
    public boolean stopAll() throws Exception {
        List<Boolean> stopped = each(KarafNode::stop);
        return stopped.stream().allMatch(Boolean::booleanValue);
    }

    /** Resident memory of each running node, and what the machine has left, for the test's report. */
    public String memory() {
        StringBuilder out = new StringBuilder("memory:");
        for (KarafNode node : nodes) {
            out.append(' ').append(node.name()).append(' ').append(node.residentMegabytes()).append(" MiB,");
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    out.append(String.format(Locale.ROOT, " machine available %d MiB",
                            Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024));
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // the figure is for the report only
        }
        return out.toString();
    }

    /** Stops every node still running, then frees their bulk on disk (logs and data stay for a look). */
    @Override
    public void close() throws Exception {
        stopAll();
        for (KarafNode node : nodes) {
            node.discardBulk();
        }
    }

    /** What to do with one node. */
    @FunctionalInterface
    interface NodeWork<T> {
        T apply(KarafNode node) throws Exception;
    }

    /** Runs the work on every node at once; rethrows the first failure once all have finished. */
    <T> List<T> each(NodeWork<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (KarafNode node : nodes) {
                futures.add(pool.submit(() -> work.apply(node)));
            }
            List<T> results = new ArrayList<>();
            Exception first = null;
            for (Future<T> future : futures) {
                try {
                    results.add(future.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    if (first == null) {
                        first = e.getCause() instanceof Exception cause ? cause : e;
                    }
                }
            }
            if (first != null) {
                throw first;
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
