package io.merx.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.Dataset;
import io.merx.api.FieldSpec;
import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.ParameterSpec;
import io.merx.api.ParameterType;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.ScoringException;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;

/**
 * The contract every Merx model kind passes: extend this class in a plugin's tests and supply a kind, a small
 * dataset and a few requests. Every Merx module runs it too.
 *
 * <pre>{@code
 * class MyKindContractTest extends ModelKindContract {
 *     protected ModelKind kind() { return new MyKind(); }
 *     protected Dataset trainingData() { return MyDemoData.generate(500, 1); }
 *     protected List<ScoreRequest> requests() { return List.of(ScoreRequest.of(Map.of("x", 1.0))); }
 *     protected List<BadRequest> badRequests() {
 *         return List.of(new BadRequest(ScoreRequest.of(Map.of("x", "one")), "x"));
 *     }
 * }
 * }</pre>
 */
public abstract class ModelKindContract {

    @TempDir
    protected Path tempDir;

    /** A kind instance ready to train and load (outside OSGi, constructed directly). */
    protected abstract ModelKind kind();

    /** Small training data: the whole contract trains several times, so keep it to a second or so. */
    protected abstract Dataset trainingData();

    /** Valid requests, scored to compare models and scorers. */
    protected abstract List<ScoreRequest> requests();

    /** Invalid requests and the field each error must name. */
    protected abstract List<BadRequest> badRequests();

    /** Hyper-parameters for the contract's runs; must fix the seed where the kind has one. */
    protected Map<String, Object> hyperParameters() {
        return Map.of();
    }

    /** Largest difference allowed between two numeric outputs that must be the same. */
    protected double tolerance() {
        return 1e-9;
    }

    /** Trains with {@link #hyperParameters()}; the caller closes the model. */
    protected TrainedModel train() throws Exception {
        ModelKind kind = kind();
        return kind.newTrainer(HyperParameters.of(kind.parameters(), hyperParameters()))
                .train(trainingData(), TrainingContext.silent());
    }

    /** Trains, saves into a new directory and returns it. */
    protected Path trainAndSave(String name) throws Exception {
        Path dir = Files.createDirectories(tempDir.resolve(name));
        try (TrainedModel model = train()) {
            model.save(dir);
        }
        return dir;
    }

    @Test
    void trainingIsDeterministicForAFixedSeed() throws Exception {
        Map<String, Double> firstMetrics;
        Map<String, Double> secondMetrics;
        Path first = Files.createDirectories(tempDir.resolve("first"));
        Path second = Files.createDirectories(tempDir.resolve("second"));
        try (TrainedModel model = train()) {
            firstMetrics = model.provenance().metrics();
            model.save(first);
        }
        try (TrainedModel model = train()) {
            secondMetrics = model.provenance().metrics();
            model.save(second);
        }
        assertEquals(firstMetrics.keySet(), secondMetrics.keySet());
        firstMetrics.forEach((name, value) -> assertEquals(value, secondMetrics.get(name), tolerance(), "metric " + name));
        try (Scorer a = kind().load(first); Scorer b = kind().load(second)) {
            assertSameResults(scoreAll(a), scoreAll(b), "two trainings with the same seed");
        }
    }

    @Test
    void savedArtifactLoadsAndScoresTheSameEveryTime() throws Exception {
        Path dir = trainAndSave("model");
        try (Scorer a = kind().load(dir); Scorer b = kind().load(dir)) {
            assertSameResults(scoreAll(a), scoreAll(b), "two loads of one artifact");
            assertSameResults(scoreAll(a), a.scoreBatch(requests()), "score and scoreBatch");
        }
    }

    @Test
    void provenanceNamesTheKindAndTheData() throws Exception {
        try (TrainedModel model = train()) {
            assertEquals(kind().name(), model.provenance().kind());
            assertEquals(kind().version(), model.provenance().kindVersion());
            assertEquals(trainingData().fingerprint(), model.provenance().dataFingerprint());
            assertFalse(model.provenance().metrics().isEmpty(), "a trained model reports metrics");
            model.provenance().metrics().forEach((name, value) ->
                    assertTrue(Double.isFinite(value), "metric " + name + " is " + value));
        }
    }

    @Test
    void scoringIsThreadSafe() throws Exception {
        Path dir = trainAndSave("model");
        try (Scorer scorer = kind().load(dir)) {
            List<ScoreResult> expected = scoreAll(scorer);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<ScoreResult>>> futures = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    futures.add(pool.submit(() -> {
                        List<ScoreResult> last = null;
                        for (int i = 0; i < 25; i++) {
                            last = scoreAll(scorer);
                        }
                        return last;
                    }));
                }
                for (Future<List<ScoreResult>> future : futures) {
                    assertSameResults(expected, future.get(), "concurrent scoring");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void closeFreesNativeMemoryAndRefusesLaterCalls() throws Exception {
        Path dir = trainAndSave("model");
        Scorer warm = kind().load(dir);
        scoreAll(warm);
        warm.close();
        warm.close(); // idempotent
        assertThrows(ScoringException.class, () -> warm.score(requests().get(0)));
        if (!NativeMemory.available()) {
            return;
        }
        long before = NativeMemory.totalBytes();
        for (int i = 0; i < 10; i++) {
            Scorer scorer = kind().load(dir);
            scoreAll(scorer);
            scorer.close();
        }
        long grown = NativeMemory.totalBytes() - before;
        assertTrue(grown < 4L << 20, "10 load/score/close cycles left " + grown + " native bytes behind");
    }

    @Test
    void badRequestsAreRefusedNamingTheField() throws Exception {
        Path dir = trainAndSave("model");
        try (Scorer scorer = kind().load(dir)) {
            for (BadRequest bad : badRequests()) {
                IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> {
                    scorer.inputSchema().validate(bad.request().inputs());
                    scorer.score(bad.request());
                }, "request " + bad.request().inputs() + " must be refused");
                assertTrue(error.getMessage() != null && error.getMessage().contains(bad.field()),
                        "error '" + error.getMessage() + "' must name field '" + bad.field() + "'");
            }
        }
    }

    @Test
    void inputSchemaMatchesWhatTheScorerAccepts() throws Exception {
        Path dir = trainAndSave("model");
        try (Scorer scorer = kind().load(dir)) {
            for (ScoreRequest request : requests()) {
                assertDoesNotThrow(() -> scorer.inputSchema().validate(request.inputs()),
                        "valid request " + request.inputs());
                for (FieldSpec field : scorer.inputSchema().fields()) {
                    if (field.required() && request.inputs().containsKey(field.name())) {
                        Map<String, Object> without = new LinkedHashMap<>(request.inputs());
                        without.remove(field.name());
                        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                                () -> scorer.inputSchema().validate(without));
                        assertTrue(error.getMessage().contains(field.name()), error.getMessage());
                    }
                }
            }
        }
    }

    @Test
    void warmupSamplesAreValidAndScore() throws Exception {
        Path dir = Files.createDirectories(tempDir.resolve("model"));
        List<ScoreRequest> warmup;
        try (TrainedModel model = train()) {
            warmup = model.warmupSamples();
            model.save(dir);
        }
        assertFalse(warmup.isEmpty(), "a model brings warmup samples");
        try (Scorer scorer = kind().load(dir)) {
            for (ScoreRequest sample : warmup) {
                scorer.inputSchema().validate(sample.inputs());
                assertFalse(scorer.score(sample).outputs().isEmpty());
            }
        }
    }

    @Test
    void outOfRangeHyperParametersAreRefusedNamingTheParameter() {
        for (ParameterSpec spec : kind().parameters()) {
            if ((spec.type() == ParameterType.INTEGER || spec.type() == ParameterType.REAL)
                    && Double.isFinite(spec.min()) && spec.min() > -1e15) {
                Object tooSmall = spec.type() == ParameterType.INTEGER ? (Object) ((long) spec.min() - 1)
                        : (Object) (spec.min() - Math.max(1, Math.abs(spec.min())));
                IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                        () -> HyperParameters.of(kind().parameters(), Map.of(spec.name(), tooSmall)));
                assertTrue(error.getMessage().contains(spec.name()), error.getMessage());
            }
        }
    }

    private List<ScoreResult> scoreAll(Scorer scorer) throws ScoringException {
        List<ScoreResult> results = new ArrayList<>();
        for (ScoreRequest request : requests()) {
            results.add(scorer.score(request));
        }
        return results;
    }

    private void assertSameResults(List<ScoreResult> expected, List<ScoreResult> actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int i = 0; i < expected.size(); i++) {
            assertSameValue(expected.get(i).outputs(), actual.get(i).outputs(), what + ", request " + i);
        }
    }

    private void assertSameValue(Object expected, Object actual, String where) {
        if (expected instanceof Number e && actual instanceof Number a) {
            assertEquals(e.doubleValue(), a.doubleValue(), tolerance(), where);
        } else if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            assertEquals(e.keySet(), a.keySet(), where);
            e.forEach((key, value) -> assertSameValue(value, a.get(key), where + "." + key));
        } else if (expected instanceof List<?> e && actual instanceof List<?> a) {
            assertEquals(e.size(), a.size(), where);
            for (int i = 0; i < e.size(); i++) {
                assertSameValue(e.get(i), a.get(i), where + "[" + i + "]");
            }
        } else if (expected instanceof double[] e && actual instanceof double[] a) {
            assertEquals(e.length, a.length, where);
            for (int i = 0; i < e.length; i++) {
                assertEquals(e[i], a[i], tolerance(), where + "[" + i + "]");
            }
        } else if (expected instanceof float[] e && actual instanceof float[] a) {
            assertEquals(e.length, a.length, where);
            for (int i = 0; i < e.length; i++) {
                assertEquals(e[i], a[i], tolerance(), where + "[" + i + "]");
            }
        } else if (expected == null || actual == null || !expected.equals(actual)) {
            fail(where + ": expected " + expected + " but got " + actual);
        }
    }
}
