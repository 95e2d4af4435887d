package io.merx.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.HyperParameters;
import io.merx.api.InputSchema;
import io.merx.api.ModelKind;
import io.merx.api.ModelLoadException;
import io.merx.api.ParameterSpec;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.ScoringException;
import io.merx.api.Trainer;
import io.merx.api.runtime.JobState;
import io.merx.api.runtime.TrainingJob;
import io.merx.api.runtime.TrainingRequest;
import io.merx.testkit.LinearTestKind;

/**
 * Dynamic batching through the real runtime: concurrent requests to one version meet in one {@code scoreBatch}
 * call, each gets its own answer, and one request's failure stays its own. The delays are long ceilings, never
 * waited for when the batch fills: nothing here depends on timing.
 */
class DynamicBatchingTest {

    /** The linear test kind's name: its trainer writes it into the artifact, and the runtime loads by it. */
    private static final String KIND = LinearTestKind.NAME;
    private static final Duration NEVER = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    ModelRuntimeImpl runtime;
    RecordingKind kind;
    ExecutorService clients;

    @BeforeEach
    void setUp() throws Exception {
        runtime = new ModelRuntimeImpl(TestRuntimes.settings(dir.resolve("store")));
        kind = new RecordingKind();
        runtime.bindKind(kind);
        StringBuilder csv = new StringBuilder("x1,x2,y\n");
        for (int i = 0; i < 50; i++) {
            csv.append(i % 10 / 10.0).append(',').append(i % 7 / 7.0).append(',')
                    .append(3 * (i % 10 / 10.0) - 2 * (i % 7 / 7.0) + 1).append('\n');
        }
        Files.writeString(dir.resolve("m.csv"), csv);
        TrainingJob job = runtime.train(TrainingRequest.builder("m", KIND, dir.resolve("m.csv")).activate(true)
                .build());
        assertTrue(job.await(Duration.ofSeconds(30)));
        assertEquals(JobState.SUCCEEDED, job.state(), job.message());
        clients = Executors.newCachedThreadPool();
    }

    @AfterEach
    void tearDown() {
        clients.shutdownNow();
        runtime.close();
    }

    @Test
    void concurrentRequestsMeetInOneBatchAndEachGetsItsOwnAnswer() throws Exception {
        List<Double> alone = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            alone.add(runtime.score("m", Fixture.request(null, i / 4.0, 1)).result().number("score"));
        }
        assertEquals(List.of(), kind.batchSizes, "no batching unless configured");

        runtime.batching(new BatchingPolicy(Set.of("m"), Set.of(), NEVER, 4));
        List<Future<Double>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            double x1 = i / 4.0;
            answers.add(clients.submit(() -> runtime.score("m", Fixture.request(null, x1, 1)).result()
                    .number("score")));
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(alone.get(i), answers.get(i).get(), 1e-12, "request " + i);
        }
        assertEquals(List.of(4), kind.batchSizes);
        assertEquals(8, runtime.info("m", "live").stats().requests());
    }

    @Test
    void aBadRequestFailsAloneWhileTheOthersAreBatched() throws Exception {
        double alone = runtime.score("m", Fixture.request(null, 0.5, 0.5)).result().number("score");
        runtime.batching(new BatchingPolicy(Set.of(), Set.of(KIND), NEVER, 3));
        List<Future<Double>> good = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            good.add(clients.submit(() -> runtime.score("m", Fixture.request(null, 0.5, 0.5)).result()
                    .number("score")));
        }
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> runtime.score("m", new ScoreRequest(null, Map.of("y", new double[] {1, 2}))));
        assertTrue(bad.getMessage().contains("x"), bad.getMessage());
        for (Future<Double> answer : good) {
            assertEquals(alone, answer.get(), 1e-12);
        }
        assertEquals(List.of(3), kind.batchSizes);
    }

    @Test
    void aBatchTheScorerFailsIsScoredRequestByRequest() throws Exception {
        double zero = runtime.score("m", Fixture.request(null, 0, 0)).result().number("score");
        double one = runtime.score("m", Fixture.request(null, 1, 0)).result().number("score");
        kind.failBatches.set(true);
        runtime.batching(new BatchingPolicy(Set.of("m"), Set.of(), NEVER, 2));
        Future<ScoreResult> first = clients.submit(() -> runtime.score("m", Fixture.request(null, 0, 0)).result());
        Future<ScoreResult> second = clients.submit(() -> runtime.score("m", Fixture.request(null, 1, 0)).result());
        assertEquals(zero, first.get().number("score"), 1e-12);
        assertEquals(one, second.get().number("score"), 1e-12);
        assertEquals(List.of(2), kind.batchSizes, "the one batched call, which failed");
        assertEquals(0, runtime.info("m", "live").stats().errors());
    }

    @Test
    void aLoneRequestIsScoredWhenTheDelayHasPassed() throws Exception {
        runtime.batching(new BatchingPolicy(Set.of("m"), Set.of(), Duration.ofMillis(20), 8));
        assertTrue(Double.isFinite(runtime.score("m", Fixture.request(null, 0, 0)).result().number("score")));
        assertEquals(List.of(), kind.batchSizes, "a batch of one is a plain score call");
    }

    @Test
    void policyNamesWhatIsWrong() {
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> new BatchingPolicy(Set.of("m"), Set.of(), NEVER, 1));
        assertTrue(size.getMessage().contains("maxBatchSize"), size.getMessage());
        IllegalArgumentException delay = assertThrows(IllegalArgumentException.class,
                () -> new BatchingPolicy(Set.of("m"), Set.of(), Duration.ofSeconds(5), 8));
        assertTrue(delay.getMessage().contains("maxDelayMicros"), delay.getMessage());
    }

    /** The linear test kind, whose scorers record each batched call and can fail it. */
    static final class RecordingKind implements ModelKind {
        private final LinearTestKind linear = new LinearTestKind();
        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        final AtomicBoolean failBatches = new AtomicBoolean();

        @Override
        public String name() {
            return KIND;
        }

        @Override
        public String version() {
            return linear.version();
        }

        @Override
        public List<ParameterSpec> parameters() {
            return linear.parameters();
        }

        @Override
        public Trainer newTrainer(HyperParameters hyperParameters) {
            return linear.newTrainer(hyperParameters);
        }

        @Override
        public Scorer load(Path modelDirectory) throws ModelLoadException {
            Scorer scorer = linear.load(modelDirectory);
            return new Scorer() {
                @Override
                public InputSchema inputSchema() {
                    return scorer.inputSchema();
                }

                @Override
                public ScoreResult score(ScoreRequest request) throws ScoringException {
                    return scorer.score(request);
                }

                @Override
                public List<ScoreResult> scoreBatch(List<ScoreRequest> requests) throws ScoringException {
                    batchSizes.add(requests.size());
                    if (failBatches.get()) {
                        throw new ScoringException("batched call failed");
                    }
                    return scorer.scoreBatch(requests);
                }

                @Override
                public void close() {
                    scorer.close();
                }
            };
        }
    }
}
