package io.merx.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.ModelLoadException;
import io.merx.api.ParameterSpec;
import io.merx.api.Scorer;
import io.merx.api.TrainedModel;
import io.merx.api.Trainer;
import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.TrainingJob;
import io.merx.testkit.LinearTestKind;

class DemoModelsTest {

    @TempDir
    Path dir;

    /** The linear test kind, bringing demo data y = 2 * x1 - 2 * x2 + 1. */
    private static final class KindWithDemo implements ModelKind {
        private final LinearTestKind delegate = new LinearTestKind();
        /** Training waits for it, so a test sees the runtime while its demo model is still in training. */
        private final CountDownLatch trainingMayFinish;

        KindWithDemo(CountDownLatch trainingMayFinish) {
            this.trainingMayFinish = trainingMayFinish;
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public String version() {
            return delegate.version();
        }

        @Override
        public List<ParameterSpec> parameters() {
            return delegate.parameters();
        }

        @Override
        public Trainer newTrainer(HyperParameters hyperParameters) {
            Trainer trainer = delegate.newTrainer(hyperParameters);
            return new Trainer() {
                @Override
                public HyperParameters hyperParameters() {
                    return trainer.hyperParameters();
                }

                @Override
                public TrainedModel train(Dataset data, TrainingContext context) throws TrainingException {
                    try {
                        trainingMayFinish.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new TrainingException("interrupted");
                    }
                    return trainer.train(data, context);
                }
            };
        }

        @Override
        public Scorer load(Path modelDirectory) throws ModelLoadException {
            return delegate.load(modelDirectory);
        }

        @Override
        public Optional<Dataset> demoData() {
            double[] x1 = new double[40];
            double[] x2 = new double[40];
            double[] y = new double[40];
            for (int i = 0; i < 40; i++) {
                x1[i] = (i % 10) / 10.0;
                x2[i] = (i % 7) / 7.0;
                y[i] = 2 * x1[i] - 2 * x2[i] + 1;
            }
            return Optional.of(Dataset.builder().numbers("x1", x1).numbers("x2", x2).numbers("y", y).build());
        }
    }

    private ModelRuntimeImpl start() throws Exception {
        return start(new CountDownLatch(0));
    }

    private ModelRuntimeImpl start(CountDownLatch trainingMayFinish) throws Exception {
        ModelRuntimeImpl runtime = new ModelRuntimeImpl(
                new RuntimeSettings(dir.resolve("store"), 1 << 20, 1 << 20, 1, 100, 0, true,
                java.util.Map.of(), false));
        runtime.bindKind(new KindWithDemo(trainingMayFinish));
        runtime.awaitMaintenance();
        return runtime;
    }

    @Test
    void aKindWithDemoDataGetsALiveDemoModelOnce() throws Exception {
        ModelRuntimeImpl runtime = start();
        try {
            TrainingJob job = runtime.job("test-linear-demo").orElseThrow();
            assertTrue(job.await(Duration.ofSeconds(30)), job.message());
            assertEquals(1.0, runtime.score("test-linear-demo", Fixture.request(null, 0, 0)).result().number("score"),
                    0.05);
        } finally {
            runtime.close();
        }

        runtime = start();
        try {
            assertEquals(1, runtime.versions("test-linear-demo").size(), "not trained again after a restart");
        } finally {
            runtime.close();
        }
    }

    @Test
    void notReadyWhileTheDemoModelIsInTraining() throws Exception {
        CountDownLatch trainingMayFinish = new CountDownLatch(1);
        ModelRuntimeImpl runtime = start(trainingMayFinish);
        try {
            assertFalse(runtime.ready(), "a fresh runtime whose demo model is in training is not ready");
            trainingMayFinish.countDown();
            TrainingJob job = runtime.job("test-linear-demo").orElseThrow();
            assertTrue(job.await(Duration.ofSeconds(30)), job.message());
            assertTrue(runtime.ready(), "ready once the demo model is live");
            assertTrue(runtime.ready("test-linear-demo", ModelRuntime.LIVE));
        } finally {
            runtime.close();
        }
    }

    @Test
    void aDemoWhoseTrainingWasCutShortByAStopIsTrainedOnTheNextStart() throws Exception {
        CountDownLatch neverDuringTheFirstStart = new CountDownLatch(1);
        ModelRuntimeImpl runtime = start(neverDuringTheFirstStart);
        try {
            assertTrue(runtime.job("test-linear-demo").isPresent(), "the demo is in training");
        } finally {
            runtime.close();
            neverDuringTheFirstStart.countDown();
        }

        runtime = start();
        try {
            TrainingJob job = runtime.job("test-linear-demo").orElseThrow(
                    () -> new AssertionError("the demo cut short is trained again"));
            assertTrue(job.await(Duration.ofSeconds(30)), job.message());
            assertTrue(runtime.ready("test-linear-demo", ModelRuntime.LIVE));
        } finally {
            runtime.close();
        }
    }
}
