package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.merx.api.ModelKind;
import io.merx.api.ScoreRequest;
import io.merx.api.runtime.JobState;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.ModelVersionInfo;
import io.merx.api.runtime.TrainingJob;
import io.merx.api.runtime.TrainingRequest;
import io.merx.api.runtime.VersionState;
import io.merx.compute.ComputeBackend;

/** The runtime in the real distribution: demo model, swaps and code updates under load, bad artifacts. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RuntimeIT extends MerxTestSupport {

    @Override
    protected String bootFeatures() {
        return "merx-example-linear";
    }


    private static final String KIND_FILTER = "(" + ModelKind.PROPERTY_NAME + "=example.linear)";
    private static final ScoreRequest HOUSE = ScoreRequest.of(Map.of("sqm", 100, "rooms", 3, "age", 10));
    /** What every house model here learns for {@link #HOUSE}: 50 + 1.2 * 100 + 8 * 3 - 0.9 * 10. */
    private static final double HOUSE_PRICE = 185.0;

    @Test
    public void demoModelGoesLiveOnFirstStartAndAnswersInTheShell() throws Exception {
        ModelRuntime runtime = awaitService(ModelRuntime.class, null);
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (runtime.models().stream().noneMatch(m -> m.name().equals("example-linear-demo") && m.aliases().containsKey(ModelRuntime.LIVE))) {
            if (System.currentTimeMillis() > deadline) {
                fail("demo model not live: " + runtime.models() + " jobs " + runtime.jobs());
            }
            Thread.sleep(200);
        }
        String list = execute("model:list");
        assertTrue(list, list.contains("example-linear-demo"));
        String score = execute("model:score example-linear-demo '{\"sqm\": 100, \"rooms\": 3, \"age\": 10}'");
        // Demo truth: 50 + 1.2*100 + 8*3 - 0.9*10 = 185, plus noise the fit averages away.
        assertEquals(score, HOUSE_PRICE, new ObjectMapper().readTree(score.substring(score.indexOf('{')))
                .get("outputs").get("prediction").asDouble(), 5.0);
        String info = execute("model:info example-linear-demo");
        assertTrue(info, info.contains("r2"));
        // scoring and management commands alike say the model is unknown (ModelNotFoundException, API 1.1)
        assertUnknownModel("model:score nope '{\"sqm\": 100}'");
        assertUnknownModel("model:info nope");
        assertUnknownModel("model:rollback nope");
    }

    private void assertUnknownModel(String command) throws Exception {
        try {
            String printed = execute(command);
            fail(command + " printed " + printed);
        } catch (Exception e) {
            assertTrue(command + ": " + e.getMessage(), e.getMessage().contains("no model 'nope'"));
        }
    }

    @Test
    public void twentySwapsAndFiveCodeUpdatesUnderLoadFailNoRequest() throws Exception {
        ModelRuntime runtime = awaitService(ModelRuntime.class, null);
        awaitService(ModelKind.class, KIND_FILTER);
        String v1 = train(runtime, "load", 1);
        String v2 = train(runtime, "load", 2);
        runtime.activate("load", v1);

        LoadGenerator load = new LoadGenerator(runtime, "load", 3,
                n -> ScoreRequest.of(Map.of("sqm", 40 + n % 100, "rooms", 1 + n % 5, "age", n % 60)));
        load.start();
        try {
            load.phase("before", Duration.ofSeconds(2));
            load.beginPhase("during");
            Bundle example = bundle("io.merx.example.linear");
            Path jar = Path.of(System.getProperty("merx.example.jar"));
            for (int swap = 0; swap < 20; swap++) {
                runtime.activate("load", swap % 2 == 0 ? v2 : v1);
                Thread.sleep(50);
                if (swap % 4 == 3) {
                    String version = "1.1." + swap / 4;
                    example.update(new java.io.ByteArrayInputStream(Jars.withBundleVersion(jar, version)));
                    awaitKindVersion(version);
                }
            }
            load.phase("after", Duration.ofSeconds(2));
        } finally {
            load.stop();
        }
        System.out.println(load.report());
        assertEquals("failed requests: " + load.firstFailure(), 0, load.failures());
        assertTrue("scored continuously", load.successes() > 1_000);
    }

    @Test
    public void hundredSwapsLeaveNoMemoryThreadsOrClassesBehind() throws Exception {
        ModelRuntime runtime = awaitService(ModelRuntime.class, null);
        ComputeBackend compute = awaitService(ComputeBackend.class, null);
        awaitService(ModelKind.class, KIND_FILTER);
        String a = train(runtime, "memory", 3);
        String b = train(runtime, "memory", 4);
        // Warm up with as many swaps as are measured after it: the JIT compiles the swap path and the collector
        // sizes its heap during the first ones, and both show in RSS without being a leak (CI saw +6 % RSS over
        // 50 swaps after a 6-swap warm-up, with heap, threads and classes unchanged).
        swap(runtime, a, b, 50);
        Snapshot before = Snapshot.take(compute);
        swap(runtime, a, b, 100);
        Snapshot after = Snapshot.take(compute);
        System.out.println("100 swaps: before " + before + ", after " + after);
        assertTrue("heap after GC grew more than 5%: " + before + " -> " + after,
                after.heapUsed <= before.heapUsed * 1.05 + (1 << 20));
        assertTrue("off-heap grew: " + before + " -> " + after, after.offHeap <= before.offHeap + (1 << 20));
        assertTrue("threads left behind: " + before + " -> " + after, after.threads <= before.threads + 2);
        assertTrue("classes left behind: " + before + " -> " + after, after.classes <= before.classes + 50);
        // Native memory outside the JVM's own heap and code cache (whose sizes the collector and JIT choose, and
        // which the checks above cover): a leak of 150 KiB per swap fails this.
        assertTrue("RSS outside heap and code cache grew by more than 5% of RSS: " + before + " -> " + after,
                after.nativeRss() <= before.nativeRss() + before.rss * 0.05);
    }

    private static void swap(ModelRuntime runtime, String a, String b, int swaps) throws Exception {
        for (int i = 0; i < swaps; i++) {
            runtime.activate("memory", i % 2 == 0 ? a : b);
            runtime.score("memory", HOUSE);
        }
    }

    @Test
    public void badArtifactsAreRefusedWhileTheLiveVersionKeepsServing() throws Exception {
        ModelRuntime runtime = awaitService(ModelRuntime.class, null);
        awaitService(ModelKind.class, KIND_FILTER);
        String live = train(runtime, "guarded", 5);
        runtime.activate("guarded", live);
        Path good = Files.createTempDirectory("merx-it").resolve("good.zip");
        runtime.exportArtifact("guarded", live, good);

        Path corrupt = rewrite(good, "weights.nd4j", bytes -> {
            byte[] copy = bytes.clone();
            copy[copy.length - 1] ^= 0x5a;
            return copy;
        });
        assertRefused(runtime, corrupt, "checksum");

        Path unknownKind = rewriteManifest(good, m -> m.put("kind", "no.such.kind"));
        assertRefused(runtime, unknownKind, "no.such.kind");

        Path wrongRange = rewriteManifest(good, m -> m.put("kindRange", "[2.0,3)"));
        String rangeError = importThenActivate(runtime, wrongRange);
        assertTrue(rangeError, rangeError.contains("[2.0,3)"));

        Path badWarmup = rewriteManifest(good, m -> {
            ((ObjectNode) m.withArray("warmup").get(0).get("inputs")).put("sqm", "not a number");
            return m;
        });
        String warmupError = importThenActivate(runtime, badWarmup);
        assertTrue(warmupError, warmupError.contains("sqm"));

        assertEquals(live, runtime.score("guarded", HOUSE).version());
        assertEquals(VersionState.READY, runtime.info("guarded", live).state());
    }

    private static void assertRefused(ModelRuntime runtime, Path archive, String expected) throws Exception {
        try {
            ModelVersionInfo imported = runtime.importArtifact(archive, "guarded");
            fail("imported a bad artifact as version " + imported.version());
        } catch (IOException | IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(expected));
        }
        // The guarded model learns the demo's price formula, so the live version still prices the house right.
        assertEquals("live version kept serving", HOUSE_PRICE,
                runtime.score("guarded", HOUSE).result().number("prediction"), 5.0);
    }

    /** Imports (which may already refuse) and activates; returns the error message operators see. */
    private static String importThenActivate(ModelRuntime runtime, Path archive) throws Exception {
        try {
            ModelVersionInfo imported = runtime.importArtifact(archive, "guarded");
            runtime.activate("guarded", imported.version());
            fail("activated a bad artifact as version " + imported.version());
            return "";
        } catch (Exception e) {
            return e.getMessage();
        }
    }

    private void awaitKindVersion(String version) throws Exception {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (true) {
            ModelKind kind = awaitService(ModelKind.class, KIND_FILTER);
            if (kind.version().equals(version)) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                fail("kind version " + version + " never appeared");
            }
            Thread.sleep(20);
        }
    }

    /** Trains a version of the demo house-price model on generated data and returns its number. */
    private static String train(ModelRuntime runtime, String model, long seed) throws Exception {
        Path csv = Files.createTempFile("merx-" + model, ".csv");
        StringBuilder rows = new StringBuilder("sqm,rooms,age,price\n");
        Random random = new Random(seed);
        for (int i = 0; i < 400; i++) {
            double sqm = 30 + random.nextDouble() * 170;
            double rooms = Math.max(1, Math.round(sqm / 30 + random.nextGaussian()));
            double age = Math.floor(random.nextDouble() * 80);
            double price = 50 + 1.2 * sqm + 8 * rooms - 0.9 * age + 10 * random.nextGaussian();
            rows.append(String.format(Locale.ROOT, "%.3f,%.0f,%.0f,%.3f%n", sqm, rooms, age, price));
        }
        Files.writeString(csv, rows);
        TrainingJob job = runtime.train(TrainingRequest.builder(model, "example.linear", csv)
                .parameter("seed", Long.toString(seed)).build());
        assertTrue("training finished", job.await(Duration.ofMillis(TIMEOUT_MS)));
        assertEquals(job.message(), JobState.SUCCEEDED, job.state());
        return job.resultVersion().orElseThrow();
    }

    private static Path rewriteManifest(Path zip, UnaryOperator<ObjectNode> change) throws IOException {
        ObjectMapper json = new ObjectMapper();
        return rewrite(zip, "manifest.json", bytes -> {
            try {
                return json.writeValueAsBytes(change.apply((ObjectNode) json.readTree(bytes)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** A copy of the archive with one entry's bytes changed. */
    private static Path rewrite(Path zip, String entryName, UnaryOperator<byte[]> change) throws IOException {
        Path copy = Files.createTempFile(zip.getParent(), "changed", ".zip");
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().endsWith(entryName)) {
                    bytes = change.apply(bytes);
                    found = true;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        assertTrue(entryName + " in " + zip, found);
        return copy;
    }

    /** Heap after GC, JavaCPP off-heap, threads, loaded classes and RSS of this JVM. */
    private static final class Snapshot {
        final long heapUsed;
        final long heapCommitted;
        final long codeCommitted;
        final long offHeap;
        final int threads;
        final long classes;
        final long rss;

        private Snapshot(ComputeBackend compute) throws IOException {
            this.heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            this.heapCommitted = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
            this.codeCommitted = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.NON_HEAP && pool.getName().contains("Code"))
                    .mapToLong(pool -> pool.getUsage().getCommitted()).sum();
            this.offHeap = compute.offHeapBytes();
            this.threads = ManagementFactory.getThreadMXBean().getThreadCount();
            this.classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
            this.rss = rss();
        }

        static Snapshot take(ComputeBackend compute) throws Exception {
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(200);
            }
            return new Snapshot(compute);
        }

        /** RSS less the committed heap and code cache: what native code, thread stacks and metadata hold. */
        long nativeRss() {
            return rss - heapCommitted - codeCommitted;
        }

        private static long rss() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            return 0;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "{heap %.1f MiB (committed %.1f), code cache %.1f MiB, off-heap %.1f KiB,"
                    + " threads %d, classes %d, RSS %.1f MiB (outside heap and code cache %.1f)}",
                    heapUsed / 1048576.0, heapCommitted / 1048576.0, codeCommitted / 1048576.0, offHeap / 1024.0,
                    threads, classes, rss / 1048576.0, nativeRss() / 1048576.0);
        }
    }
}
