package io.merx.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.runtime.ClusterNode;
import io.merx.api.runtime.JobState;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.TrainingJob;
import io.merx.api.runtime.TrainingRequest;
import io.merx.runtime.cluster.ConcurrentChangeException;
import io.merx.runtime.cluster.DesiredModel;
import io.merx.runtime.cluster.JobLease;
import io.merx.runtime.cluster.SharedJob;
import io.merx.runtime.cluster.SharedState;
import io.merx.runtime.cluster.SharedStateUnavailableException;
import io.merx.testkit.LinearTestKind;

/** Several runtimes, each on its own store, sharing one desired state as the nodes of a cluster do. */
class ClusterTest {

    private static final ClusterSettings FAST = new ClusterSettings(Duration.ofMillis(300), Duration.ofMillis(100),
            Duration.ofSeconds(2));
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    final InJvmCluster cluster = new InJvmCluster();
    final List<ModelRuntimeImpl> started = new ArrayList<>();

    @AfterEach
    void tearDown() {
        cluster.down(false);
        started.forEach(ModelRuntimeImpl::close);
    }

    private ModelRuntimeImpl node(String name) throws Exception {
        ModelRuntimeImpl runtime = nodeWithoutKind(name);
        runtime.bindKind(new LinearTestKind());
        return runtime;
    }

    private ModelRuntimeImpl nodeWithoutKind(String name) throws Exception {
        ModelRuntimeImpl runtime = new ModelRuntimeImpl(TestRuntimes.settings(dir.resolve(name)), FAST,
                cluster.node(name));
        started.add(runtime);
        return runtime;
    }

    private Path csv(double slope) throws Exception {
        StringBuilder csv = new StringBuilder("x1,x2,y\n");
        for (int i = 0; i < 50; i++) {
            double x1 = (i % 10) / 10.0;
            double x2 = (i % 7) / 7.0;
            csv.append(x1).append(',').append(x2).append(',').append(slope * x1 - 2 * x2 + 1).append('\n');
        }
        Path file = Files.createTempFile(dir, "data", ".csv");
        Files.writeString(file, csv);
        return file;
    }

    private String train(ModelRuntime runtime, String model, double slope) throws Exception {
        return train(runtime, model, slope, Map.of());
    }

    private String train(ModelRuntime runtime, String model, double slope, Map<String, String> parameters)
            throws Exception {
        TrainingJob job = runtime.train(TrainingRequest.builder(model, LinearTestKind.NAME, csv(slope))
                .parameters(parameters).build());
        assertTrue(job.await(WAIT), "training finished");
        assertEquals(JobState.SUCCEEDED, job.state(), job.message());
        return job.resultVersion().orElseThrow();
    }

    private static String live(ModelRuntime runtime, String model, String key) throws Exception {
        return runtime.score(model, Fixture.request(key, 0.5, 0.5)).version();
    }

    private static void eventually(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                if (condition.call()) {
                    return;
                }
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void activationOnOneNodeIsServedByEveryNodeOnlyOnceWarmed() throws Exception {
        ModelRuntimeImpl a = node("a");
        eventually("a is ready", a::ready);
        String v1 = train(a, "price", 3);
        a.activate("price", v1);
        ModelRuntimeImpl b = node("b");
        ModelRuntimeImpl c = node("c");
        eventually("b and c are ready", () -> b.ready() && c.ready());
        assertEquals(v1, live(b, "price", null));
        assertEquals(v1, live(c, "price", null));

        // Its warm-up takes a while, so a node that switched before warming would be seen doing it.
        String v2 = train(a, "price", 5, Map.of("scoreDelayMillis", "300"));
        // While the nodes switch, every request succeeds, and live never names a version that is not warmed.
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong failures = new AtomicLong();
        AtomicReference<String> coldLive = new AtomicReference<>();
        ExecutorService load = Executors.newFixedThreadPool(4);
        List<Future<?>> watchers = new ArrayList<>();
        for (ModelRuntimeImpl node : List.of(b, c)) {
            watchers.add(load.submit(() -> {
                while (!stop.get()) {
                    try {
                        node.score("price", Fixture.request(null, 0.5, 0.5));
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            }));
            watchers.add(load.submit(() -> {
                while (!stop.get()) {
                    try {
                        if (node.info("price", ModelRuntime.LIVE).version().equals(v2)
                                && !node.ready("price", ModelRuntime.LIVE)) {
                            coldLive.set("live points at " + v2 + " before it is warmed");
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            }));
        }
        a.activate("price", v2);
        List<ClusterNode> nodes = a.awaitConverged("price", WAIT);
        stop.set(true);
        for (Future<?> w : watchers) {
            w.get(10, TimeUnit.SECONDS);
        }
        load.shutdown();

        assertEquals(3, nodes.size(), nodes.toString());
        assertTrue(nodes.stream().allMatch(n -> n.upToDate("price")), nodes.toString());
        assertTrue(nodes.stream().allMatch(n -> n.address().equals("http://" + n.name() + ".test:8181")),
                nodes.toString());
        assertTrue(nodes.stream().allMatch(n -> v2.equals(n.models().get("price").liveVersion())), nodes.toString());
        assertEquals(v2, live(b, "price", null));
        assertEquals(v2, live(c, "price", null));
        assertEquals(0, failures.get(), "failed requests during the switch");
        assertEquals(null, coldLive.get());
        assertTrue(Files.isDirectory(dir.resolve("c").resolve("price").resolve(v2)), "c fetched the version");
    }

    @Test
    void concurrentChangesAtOneRevisionGiveOneConflictAndNoLostUpdate() throws Exception {
        ModelRuntimeImpl a = node("a");
        ModelRuntimeImpl b = node("b");
        String v1 = train(a, "price", 3);
        String v2 = train(a, "price", 5);
        a.activate("price", v1);
        eventually("b serves v1", () -> b.ready() && v1.equals(live(b, "price", null)));
        long revision = cluster.model("price").orElseThrow().revision();

        cluster.holdWrites(new CyclicBarrier(2));
        ExecutorService two = Executors.newFixedThreadPool(2);
        Future<?> fromA = two.submit(() -> {
            a.activate("price", v2);
            return null;
        });
        Future<?> fromB = two.submit(() -> {
            b.setAlias("price", "staging", v1);
            return null;
        });
        List<Throwable> conflicts = new ArrayList<>();
        for (Future<?> f : List.of(fromA, fromB)) {
            try {
                f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                conflicts.add(e.getCause());
            }
        }
        cluster.holdWrites(null);
        two.shutdown();

        assertEquals(1, conflicts.size(), conflicts.toString());
        assertTrue(conflicts.get(0) instanceof ConcurrentChangeException, conflicts.get(0).toString());
        assertTrue(conflicts.get(0).getMessage().contains("price"), conflicts.get(0).getMessage());
        DesiredModel desired = cluster.model("price").orElseThrow();
        assertEquals(revision + 1, desired.revision(), "exactly one change was written");
        boolean aWon = v2.equals(desired.aliases().get(ModelRuntime.LIVE));
        assertEquals(aWon ? Map.of("live", v2) : Map.of("live", v1, "staging", v1), desired.aliases());
        String expectedLive = aWon ? v2 : v1;
        eventually("both nodes serve the winner", () -> expectedLive.equals(live(a, "price", null))
                && expectedLive.equals(live(b, "price", null)));
        eventually("a has the winner's aliases", () -> desired.aliases().equals(Map.copyOf(a.models().get(0).aliases())));
        eventually("b has the winner's aliases", () -> desired.aliases().equals(Map.copyOf(b.models().get(0).aliases())));
    }

    @Test
    void aNodeThatStartsLaterReportsReadyOnlyOnceItConverged() throws Exception {
        ModelRuntimeImpl a = node("a");
        a.activate("price", train(a, "price", 3));
        String v2 = train(a, "price", 5);
        a.setCanary("price", v2, 20);

        ModelRuntimeImpl late = nodeWithoutKind("late");
        assertFalse(late.ready(), "not ready before the first reconcile");
        Thread.sleep(FAST.reconcileInterval().toMillis() * 3);
        assertFalse(late.ready(), "not ready while it cannot load what the cluster serves (no kind yet)");
        assertTrue(late.clusterNodes().stream().anyMatch(n -> n.name().equals("late") && !n.converged()));

        late.bindKind(new LinearTestKind());
        eventually("late is ready", late::ready);
        assertTrue(late.ready("price", ModelRuntime.LIVE), "live and its canary are warmed");
        assertEquals(a.models(), late.models());
        eventually("late reports converged", () -> late.clusterNodes().stream()
                .anyMatch(n -> n.name().equals("late") && n.converged()));
    }

    @Test
    void unreachableDatabaseKeepsScoringAndRefusesChangesNamingIt() throws Exception {
        ModelRuntimeImpl a = node("a");
        ModelRuntimeImpl b = node("b");
        String v1 = train(a, "price", 3);
        String v2 = train(a, "price", 5);
        a.activate("price", v1);
        eventually("b serves v1", () -> b.ready() && v1.equals(live(b, "price", null)));

        cluster.down(true);
        Thread.sleep(FAST.reconcileInterval().toMillis() * 2);
        for (ModelRuntimeImpl node : List.of(a, b)) {
            assertEquals(v1, live(node, "price", "k"));
            assertTrue(node.ready(), "a node stays ready while the database is down");
        }
        SharedStateUnavailableException e = assertThrows(SharedStateUnavailableException.class,
                () -> a.activate("price", v2));
        assertTrue(e.getMessage().contains("PostgreSQL at db.test:5432/merx"), e.getMessage());
        assertThrows(SharedStateUnavailableException.class, () -> b.rollback("price"));
        assertThrows(SharedStateUnavailableException.class, () -> train(b, "price", 4));
        assertEquals(v1, live(b, "price", "k"));

        cluster.down(false);
        a.activate("price", v2);
        eventually("b follows once the database is back", () -> v2.equals(live(b, "price", null)));
    }

    @Test
    void deleteAndRollbackPropagate() throws Exception {
        ModelRuntimeImpl a = node("a");
        ModelRuntimeImpl b = node("b");
        String v1 = train(a, "price", 3);
        String v2 = train(a, "price", 5);
        a.activate("price", v1);
        a.activate("price", v2);
        eventually("b serves v2", () -> v2.equals(live(b, "price", null)));

        b.rollback("price");
        eventually("a rolled back", () -> v1.equals(live(a, "price", null)));
        a.delete("price", v2);
        eventually("b deleted v2", () -> b.versions("price").size() == 1
                && !Files.exists(dir.resolve("b").resolve("price").resolve(v2)));
        assertEquals(v1, live(b, "price", null));

        String v3 = train(b, "price", 7);
        assertEquals("3", v3, "numbers are never reused");
        a.delete("price", v3);
        a.removeAlias("price", ModelRuntime.LIVE);
        a.delete("price", v1);
        eventually("the model is gone on b", () -> b.models().isEmpty()
                && !Files.exists(dir.resolve("b").resolve("price")));
        assertTrue(cluster.model("price").isEmpty());
    }

    @Test
    void anImportOnOneNodeIsFetchedVerifiedAndServedByTheOthers() throws Exception {
        ModelRuntimeImpl a = node("a");
        ModelRuntimeImpl b = node("b");
        a.activate("price", train(a, "price", 3));
        Path archive = dir.resolve("price.zip");
        a.exportArtifact("price", ModelRuntime.LIVE, archive);

        assertEquals("1", b.importArtifact(archive, "copy").version());
        b.activate("copy", "1");
        eventually("a serves the imported model", () -> "1".equals(live(a, "copy", null)));
        assertEquals(b.info("copy", "1").provenance(), a.info("copy", "1").provenance());
        assertEquals(cluster.model("copy").orElseThrow().lastVersion(), 1);
    }

    @Test
    void aDamagedCopyIsRefusedAndTheNodeKeepsServingWhatItServed() throws Exception {
        ModelRuntimeImpl a = node("a");
        String v1 = train(a, "price", 3);
        a.activate("price", v1);
        String v2 = train(a, "price", 5);
        cluster.damage("price", v2);

        ModelRuntimeImpl b = node("b");
        eventually("b serves v1", () -> v1.equals(live(b, "price", null)));
        a.activate("price", v2);
        Thread.sleep(FAST.reconcileInterval().toMillis() * 3);
        assertEquals(v1, live(b, "price", null), "b keeps serving v1");
        assertFalse(b.ready(), "b has not converged");
        assertFalse(Files.exists(dir.resolve("b").resolve("price").resolve(v2)), "nothing damaged is installed");
        assertTrue(a.clusterNodes().stream().anyMatch(n -> n.name().equals("b") && !n.converged()
                && n.models().get("price").lag() > 0), a.clusterNodes().toString());

        // Publishing the version again (as an operator would from a) lets b catch up on its next pass.
        cluster.node("a").publishVersion("price", v2, dir.resolve("a").resolve("price").resolve(v2));
        eventually("b serves v2 and is ready", () -> v2.equals(live(b, "price", null)) && b.ready());
    }

    @Test
    void canarySendsAKeyToTheSameVersionOnEveryNode() throws Exception {
        ModelRuntimeImpl a = node("a");
        ModelRuntimeImpl b = node("b");
        ModelRuntimeImpl c = node("c");
        a.activate("price", train(a, "price", 3));
        String v2 = train(a, "price", 5);
        a.setCanary("price", v2, 30);
        a.awaitConverged("price", WAIT);
        eventually("every node has the canary", () -> List.of(b, c).stream()
                .allMatch(n -> n.models().get(0).canary() != null && n.ready()));

        int canary = 0;
        for (int i = 0; i < 300; i++) {
            String key = "user-" + i;
            String onA = live(a, "price", key);
            assertEquals(onA, live(b, "price", key), key);
            assertEquals(onA, live(c, "price", key), key);
            canary += onA.equals(v2) ? 1 : 0;
        }
        assertTrue(canary > 50 && canary < 130, "about 30 % of 300 keys: " + canary);
    }

    @Test
    void onlyOneNodeTrainsAModelAtATime() throws Exception {
        ModelRuntimeImpl a = node("a");
        ModelRuntimeImpl b = node("b");
        TrainingJob slow = a.train(TrainingRequest.builder("price", LinearTestKind.NAME, csv(3))
                .parameter("epochs", "500").parameter("sleepMillis", "10").build());

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> b.train(TrainingRequest.builder("price", LinearTestKind.NAME, csv(4)).build()));
        assertEquals("model 'price' is being trained on node a", refused.getMessage());
        assertTrue(b.jobs().isEmpty(), "b started nothing");
        // Past the lease's 2 s: a renews it while the job runs, so b is still refused.
        Thread.sleep(FAST.leaseTtl().toMillis() + 500);
        assertEquals(JobState.RUNNING, slow.state());
        assertThrows(IllegalStateException.class,
                () -> b.train(TrainingRequest.builder("price", LinearTestKind.NAME, csv(4)).build()));
        assertTrue(slow.await(WAIT));
        assertEquals(JobState.SUCCEEDED, slow.state(), slow.message());

        eventually("the job's end is recorded", () -> cluster.node("x").jobs().stream()
                .anyMatch(j -> j.node().equals("a") && j.state() == JobState.SUCCEEDED));
        SharedJob recorded = cluster.node("x").jobs().get(0);
        assertEquals(slow.resultVersion().orElseThrow(), recorded.version());
        eventually("b may train once a's lease is released", () -> {
            train(b, "price", 4);
            return true;
        });
    }

    @Test
    void aJobWhoseNodeDiedIsRecordedFailedOnceItsLeaseLapsesAndTheModelTrainsElsewhere() throws Exception {
        SharedState dead = cluster.node("dead");
        JobLease lease = dead.acquireLease("price", Duration.ofMillis(500)).orElseThrow();
        dead.recordJob(new SharedJob("dead-1", "price", LinearTestKind.NAME, "dead", JobState.RUNNING, null, null,
                Instant.now(), null));
        ModelRuntimeImpl b = node("b");
        assertThrows(IllegalStateException.class,
                () -> b.train(TrainingRequest.builder("price", LinearTestKind.NAME, csv(4)).build()));

        Thread.sleep(lease.expiresAt().toEpochMilli() - System.currentTimeMillis() + 100);
        train(b, "price", 4);
        SharedJob abandoned = cluster.node("x").jobs().stream().filter(j -> j.id().equals("dead-1")).findFirst()
                .orElseThrow();
        assertEquals(JobState.FAILED, abandoned.state());
        assertEquals("node dead stopped renewing the training lease; node b found the job abandoned",
                abandoned.message());
        assertTrue(abandoned.finishedAt() != null);
    }

    @Test
    void firstNodeKeepsItsModelsAndALaterNodeDropsWhatTheClusterLacks() throws Exception {
        Files.createDirectories(dir.resolve("single"));
        Files.createDirectories(dir.resolve("stale"));
        try (Fixture single = new Fixture(dir.resolve("single"), TestRuntimes.settings(dir.resolve("a")))) {
            single.runtime.activate("price", single.train("price", 3));
        }
        try (Fixture stale = new Fixture(dir.resolve("stale"), TestRuntimes.settings(dir.resolve("b")))) {
            stale.runtime.activate("old", stale.train("old", 3));
        }
        ModelRuntimeImpl a = node("a");
        eventually("a published its model", () -> a.ready() && cluster.model("price").isPresent());
        assertEquals("1", live(a, "price", null));

        ModelRuntimeImpl b = node("b");
        eventually("b serves the cluster's models only", () -> b.ready() && b.models().size() == 1
                && b.models().get(0).name().equals("price"));
        assertFalse(Files.exists(dir.resolve("b").resolve("old")));
        assertTrue(cluster.model("old").isEmpty());
    }

    @Test
    void aNodeThatWasDownWhileEveryModelWasDeletedDoesNotBringThemBack() throws Exception {
        ModelRuntimeImpl a = node("a");
        ModelRuntimeImpl b = node("b");
        a.activate("price", train(a, "price", 3));
        eventually("b serves price", () -> b.ready() && "1".equals(live(b, "price", null)));
        started.remove(b);
        b.close();
        a.removeAlias("price", ModelRuntime.LIVE);
        a.delete("price", "1");

        ModelRuntimeImpl again = node("b");
        eventually("b dropped price", () -> again.ready() && again.models().isEmpty());
        assertTrue(cluster.model("price").isEmpty());
        assertTrue(a.models().isEmpty());
    }

    @Test
    void aSingleNodeListsItselfAsTheOnlyNode() throws Exception {
        try (Fixture single = new Fixture(dir)) {
            single.runtime.activate("price", single.train("price", 3));
            List<ClusterNode> nodes = single.runtime.clusterNodes();
            assertEquals(1, nodes.size());
            assertEquals(new ClusterNode.ServedModel("1", 0, 0), nodes.get(0).models().get("price"));
            assertTrue(single.runtime.awaitConverged("price", Duration.ZERO).get(0).upToDate("price"));
        }
    }
}
