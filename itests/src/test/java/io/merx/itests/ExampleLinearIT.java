package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.ScoreRequest;
import io.merx.api.Scorer;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;
import io.merx.api.runtime.JobState;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.TrainingJob;
import io.merx.api.runtime.TrainingRequest;
import io.merx.compute.ComputeBackend;

@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ExampleLinearIT extends MerxTestSupport {

    @Override
    protected String bootFeatures() {
        return "merx-example-linear";
    }


    private static final String KIND_FILTER = "(" + ModelKind.PROPERTY_NAME + "=example.linear)";

    @Inject
    private ConfigurationAdmin configurations;

    @Test
    public void trainsSavesLoadsAndScoresThroughTheApi() throws Exception {
        ModelKind kind = awaitService(ModelKind.class, KIND_FILTER);
        assertEquals("1.0.0", kind.version());
        double prediction = trainAndScore(kind);
        // Demo truth: 50 + 1.2*100 + 8*3 - 0.9*10 = 185, plus noise the fit averages away.
        assertEquals(185.0, prediction, 5.0);
    }

    @Test
    public void bundleIsReplacedByVersion110WhileNd4jKeepsWorking() throws Exception {
        awaitService(ModelKind.class, KIND_FILTER);
        ServiceReference<ComputeBackend> computeBefore = bundleContext.getServiceReference(ComputeBackend.class);
        assertNotNull(computeBefore);
        Bundle example = bundle("io.merx.example.linear");

        example.stop();
        assertTrue("kind is gone while stopped",
                bundleContext.getServiceReferences(ModelKind.class, KIND_FILTER).isEmpty());
        example.update(new ByteArrayInputStream(Jars.withBundleVersion(Path.of(System.getProperty("merx.example.jar")), "1.1.0")));
        example.start();

        ModelKind updated = awaitService(ModelKind.class, KIND_FILTER);
        assertEquals("1.1.0", updated.version());
        assertEquals("1.1.0", example.getVersion().toString());
        assertEquals(185.0, trainAndScore(updated), 5.0);

        // The compute bundle was neither refreshed nor restarted: same service registration, still active.
        ServiceReference<ComputeBackend> computeAfter = bundleContext.getServiceReference(ComputeBackend.class);
        assertEquals(computeBefore.getProperty("service.id"), computeAfter.getProperty("service.id"));
        assertEquals(Bundle.ACTIVE, bundle("io.merx.compute").getState());
    }

    @Test
    public void trainingThroughTheRuntimeRefusesANonFiniteCellInsteadOfDroppingTheFeature() throws Exception {
        awaitService(ModelKind.class, KIND_FILTER);
        ModelRuntime runtime = awaitService(ModelRuntime.class, null);
        Dataset demo = awaitService(ModelKind.class, KIND_FILTER).demoData().orElseThrow();
        StringBuilder csv = new StringBuilder("sqm,rooms,age,price\n");
        for (int i = 0; i < 50; i++) {
            csv.append(demo.numbers("sqm")[i]).append(',').append(i == 7 ? "Infinity" : demo.numbers("rooms")[i])
                    .append(',').append(demo.numbers("age")[i]).append(',').append(demo.numbers("price")[i]).append('\n');
        }
        Path file = Files.createTempDirectory("merx-it").resolve("houses.csv");
        Files.writeString(file, csv);

        TrainingJob job = runtime.train(TrainingRequest.builder("nan-it", "example.linear", file).activate(true).build());

        assertTrue(job.await(Duration.ofMinutes(2)));
        assertEquals(job.message(), JobState.FAILED, job.state());
        assertEquals("houses.csv line 9: column 'rooms' holds Infinity; numbers must be finite (leave the cell"
                + " empty for a missing value)", job.message());
        assertTrue(runtime.models().stream().noneMatch(m -> m.name().equals("nan-it")));
    }

    @Test
    public void dynamicBatchingIsSwitchedOnAndOffWithoutRestartingTheRuntime() throws Exception {
        ModelRuntime runtime = awaitService(ModelRuntime.class, null);
        String demo = "example-linear-demo";
        LiveModels.await(runtime, demo);
        Object runtimeId = bundleContext.getServiceReference(ModelRuntime.class).getProperty("service.id");
        List<ScoreRequest> requests = new ArrayList<>();
        List<Double> alone = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            requests.add(ScoreRequest.of(Map.of("sqm", 40 + 10 * i, "rooms", 1 + i % 4, "age", 5 * i)));
            alone.add(runtime.score(demo, requests.get(i)).result().number("prediction"));
        }

        org.osgi.service.cm.Configuration batching = configurations.getConfiguration("io.merx.runtime.batching", "?");
        Hashtable<String, Object> settings = new Hashtable<>();
        settings.put("models", new String[] {demo});
        settings.put("maxDelayMicros", 200_000L);
        settings.put("maxBatchSize", 8);
        batching.update(settings);
        try {
            // The runtime follows the batching service's properties: wait until they carry the new models.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!batchingModels().contains(demo)) {
                assertTrue("the batching settings never took the configuration", System.nanoTime() < deadline);
                Thread.sleep(100);
            }
            ExecutorService callers = Executors.newFixedThreadPool(requests.size());
            try {
                List<Future<Double>> answers = new ArrayList<>();
                for (ScoreRequest request : requests) {
                    answers.add(callers.submit(() -> runtime.score(demo, request).result().number("prediction")));
                }
                for (int i = 0; i < requests.size(); i++) {
                    assertEquals("request " + i, alone.get(i), answers.get(i).get(), 1e-9);
                }
            } finally {
                callers.shutdownNow();
            }
        } finally {
            batching.delete();
        }
        assertEquals(alone.get(0), runtime.score(demo, requests.get(0)).result().number("prediction"), 1e-9);
        assertEquals("the runtime was not restarted", runtimeId,
                bundleContext.getServiceReference(ModelRuntime.class).getProperty("service.id"));
    }

    /** The models the batching service's configuration names now, as its service properties show them. */
    private List<String> batchingModels() throws InvalidSyntaxException {
        ServiceReference<?>[] references = bundleContext.getAllServiceReferences(
                "io.merx.runtime.internal.BatchingSettings", null);
        for (ServiceReference<?> reference : references == null ? new ServiceReference<?>[0] : references) {
            Object models = reference.getProperty("models");
            if (models instanceof String[] names) {
                return List.of(names);
            }
        }
        return List.of();
    }

    private static double trainAndScore(ModelKind kind) throws Exception {
        Dataset data = kind.demoData().orElseThrow();
        Path dir = Files.createTempDirectory("merx-it");
        try (TrainedModel model = kind.newTrainer(HyperParameters.of(kind.parameters(), Map.of()))
                .train(data, TrainingContext.silent())) {
            assertTrue(model.provenance().metrics().toString(), model.provenance().metrics().get("r2") > 0.9);
            assertFalse(model.warmupSamples().isEmpty());
            model.save(dir);
        }
        try (Scorer scorer = kind.load(dir)) {
            return scorer.score(ScoreRequest.of(Map.of("sqm", 100, "rooms", 3, "age", 10))).number("prediction");
        }
    }
}
