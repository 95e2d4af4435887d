package io.merx.runtime.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.merx.runtime.cluster.ConcurrentChangeException;
import io.merx.runtime.cluster.DesiredModel;
import io.merx.runtime.cluster.JobLease;
import io.merx.runtime.cluster.NodeReport;
import io.merx.runtime.cluster.SharedJob;
import io.merx.runtime.cluster.SharedState;
import io.merx.runtime.cluster.SharedStateUnavailableException;

/**
 * A test double of the {@link SharedState} SPI: one desired state in this JVM's memory that several runtimes share,
 * each through its own {@link #node} view. It keeps the SPI's contract (compare-and-set on revisions, notifications
 * on a thread of its own, leases that lapse) and can be switched off to play an unreachable store. It is not a model
 * of PostgreSQL: merx-cluster's tests cover the real store.
 */
final class InJvmCluster {

    static final String DESCRIPTION = "PostgreSQL at db.test:5432/merx";

    private final Map<String, DesiredModel> models = new TreeMap<>();
    private final Map<String, Map<String, byte[]>> files = new ConcurrentHashMap<>();
    private final Map<String, NodeReport> reports = new ConcurrentHashMap<>();
    private final Map<String, JobLease> leases = new ConcurrentHashMap<>();
    private final Map<String, SharedJob> jobs = new ConcurrentHashMap<>();
    private final List<Consumer<String>> watchers = new CopyOnWriteArrayList<>();
    private final ExecutorService notifier = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "in-jvm-cluster-notify");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean down;
    private volatile CyclicBarrier writeBarrier;
    /** Writes that succeeded, for tests that count them. */
    final AtomicInteger writes = new AtomicInteger();

    SharedState node(String name) {
        return new Node(name);
    }

    /** Holds every write until as many writers as the barrier's parties arrive, so they race at one revision. */
    void holdWrites(CyclicBarrier barrier) {
        this.writeBarrier = barrier;
    }

    /** Flips a byte of each of a published version's files but its manifest, as a damaged copy would. */
    void damage(String model, String version) {
        files.get(model + "/" + version).replaceAll((name, bytes) -> {
            if (name.equals(ArtifactManifest.FILE_NAME)) {
                return bytes;
            }
            byte[] copy = bytes.clone();
            copy[0] ^= 1;
            return copy;
        });
    }

    /** Makes every call fail as an unreachable database does. */
    void down(boolean isDown) {
        this.down = isDown;
    }

    synchronized Optional<DesiredModel> model(String name) {
        return Optional.ofNullable(models.get(name));
    }

    private void check() {
        if (down) {
            throw new SharedStateUnavailableException(DESCRIPTION + " cannot be reached: connection refused", null);
        }
    }

    private void announce(String model) {
        for (Consumer<String> watcher : watchers) {
            notifier.execute(() -> watcher.accept(model));
        }
    }

    private final class Node implements SharedState {

        private final String name;

        Node(String name) {
            this.name = name;
        }

        @Override
        public String nodeName() {
            return name;
        }

        @Override
        public String nodeAddress() {
            return "http://" + name + ".test:8181";
        }

        @Override
        public String describe() {
            return DESCRIPTION;
        }

        @Override
        public List<DesiredModel> models() {
            check();
            synchronized (InJvmCluster.this) {
                return new ArrayList<>(models.values());
            }
        }

        @Override
        public Optional<DesiredModel> model(String model) {
            check();
            return InJvmCluster.this.model(model);
        }

        @Override
        public DesiredModel write(DesiredModel next) {
            check();
            CyclicBarrier barrier = writeBarrier;
            if (barrier != null) {
                try {
                    barrier.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("writers did not meet", e);
                }
            }
            DesiredModel written;
            synchronized (InJvmCluster.this) {
                DesiredModel current = models.get(next.name());
                long revision = current == null ? 0 : current.revision();
                if (revision != next.revision()) {
                    throw new ConcurrentChangeException("model '" + next.name() + "' was changed meanwhile (revision "
                            + revision + ", this change was made at " + next.revision() + "); look again and retry");
                }
                written = next.atRevision(revision + 1);
                models.put(next.name(), written);
            }
            writes.incrementAndGet();
            announce(next.name());
            return written;
        }

        @Override
        public void remove(String model, long revision) {
            check();
            synchronized (InJvmCluster.this) {
                DesiredModel current = models.get(model);
                if (current == null || current.revision() != revision) {
                    throw new ConcurrentChangeException("model '" + model + "' was changed meanwhile");
                }
                models.remove(model);
            }
            files.keySet().removeIf(k -> k.startsWith(model + "/"));
            announce(model);
        }

        @Override
        public void publishVersion(String model, String version, Path directory) throws IOException {
            check();
            Map<String, byte[]> content = new TreeMap<>();
            try (Stream<Path> walk = Files.walk(directory)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    content.put(directory.relativize(file).toString(), Files.readAllBytes(file));
                }
            }
            files.put(model + "/" + version, content);
        }

        @Override
        public void fetchVersion(String model, String version, Path directory) throws IOException {
            check();
            Map<String, byte[]> content = files.get(model + "/" + version);
            if (content == null) {
                throw new IOException("version " + version + " of " + model + " is not published");
            }
            for (Map.Entry<String, byte[]> file : content.entrySet()) {
                Path target = directory.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
        }

        @Override
        public boolean hasVersion(String model, String version) {
            check();
            return files.containsKey(model + "/" + version);
        }

        @Override
        public void deleteVersion(String model, String version) {
            check();
            files.remove(model + "/" + version);
        }

        @Override
        public AutoCloseable watch(Consumer<String> changed) {
            check();
            watchers.add(changed);
            return () -> watchers.remove(changed);
        }

        @Override
        public void report(NodeReport report) {
            check();
            reports.put(report.node(), report);
        }

        @Override
        public List<NodeReport> nodes(Duration maxAge) {
            check();
            Instant oldest = Instant.now().minus(maxAge);
            return reports.values().stream().filter(r -> r.heartbeatAt().isAfter(oldest))
                    .sorted(Comparator.comparing(NodeReport::node)).toList();
        }

        @Override
        public Optional<JobLease> acquireLease(String model, Duration ttl) {
            check();
            synchronized (InJvmCluster.this) {
                JobLease held = leases.get(model);
                if (held != null && held.expiresAt().isAfter(Instant.now())) {
                    return Optional.empty();
                }
                JobLease lease = new JobLease(model, name, UUID.randomUUID().toString(), Instant.now().plus(ttl));
                leases.put(model, lease);
                return Optional.of(lease);
            }
        }

        @Override
        public Optional<JobLease> renewLease(JobLease lease, Duration ttl) {
            check();
            synchronized (InJvmCluster.this) {
                JobLease held = leases.get(lease.model());
                if (held == null || !held.token().equals(lease.token())) {
                    return Optional.empty();
                }
                JobLease renewed = new JobLease(lease.model(), name, lease.token(), Instant.now().plus(ttl));
                leases.put(lease.model(), renewed);
                return Optional.of(renewed);
            }
        }

        @Override
        public void releaseLease(JobLease lease) {
            check();
            synchronized (InJvmCluster.this) {
                JobLease held = leases.get(lease.model());
                if (held != null && held.token().equals(lease.token())) {
                    leases.remove(lease.model());
                }
            }
        }

        @Override
        public void recordJob(SharedJob job) {
            check();
            jobs.put(job.id(), job);
        }

        @Override
        public List<SharedJob> jobs() {
            check();
            return jobs.values().stream().sorted(Comparator.comparing(SharedJob::startedAt).reversed()).toList();
        }
    }
}
