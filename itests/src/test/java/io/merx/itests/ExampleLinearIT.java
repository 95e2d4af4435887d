package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

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
