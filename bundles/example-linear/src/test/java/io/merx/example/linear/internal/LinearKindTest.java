package io.merx.example.linear.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ModelLoadException;
import io.merx.api.ScoreRequest;
import io.merx.api.Scorer;
import io.merx.api.ScoringException;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;

class LinearKindTest {

    private final LinearKind kind = new LinearKind();

    private TrainedModel train(Dataset data, Map<String, ?> params) throws Exception {
        return kind.newTrainer(HyperParameters.of(kind.parameters(), params)).train(data, TrainingContext.silent());
    }

    @Test
    void theKindsVersionIsItsBundles() throws Exception {
        // Outside OSGi the kind reads Bundle-Version from the manifest bnd-maven-plugin wrote before the tests.
        String bundleVersion;
        try (InputStream in = Files.newInputStream(Path.of("target/classes/META-INF/MANIFEST.MF"))) {
            bundleVersion = new Manifest(in).getMainAttributes().getValue("Bundle-Version");
        }
        assertEquals(String.join(".", List.of(bundleVersion.split("\\.")).subList(0, 3)), kind.version());
    }

    @Test
    void regressionRecoversTheDemoCoefficients(@TempDir Path dir) throws Exception {
        try (TrainedModel model = train(DemoData.houses(2_000, 1), Map.of())) {
            assertTrue(model.provenance().metrics().get("r2") > 0.9, model.provenance().metrics().toString());
            assertEquals(2_000, model.provenance().dataRows());
            model.save(dir);
        }
        try (Scorer scorer = kind.load(dir)) {
            double base = scorer.score(ScoreRequest.of(Map.of("sqm", 100, "rooms", 3, "age", 10))).number("prediction");
            double bigger = scorer.score(ScoreRequest.of(Map.of("sqm", 101, "rooms", 3, "age", 10))).number("prediction");
            double older = scorer.score(ScoreRequest.of(Map.of("sqm", 100, "rooms", 3, "age", 11))).number("prediction");
            assertEquals(DemoData.PER_SQM, bigger - base, 0.1);
            assertEquals(DemoData.PER_YEAR, older - base, 0.1);
        }
    }

    @Test
    void savedModelLoadsAndScoresIdentically(@TempDir Path dir) throws Exception {
        List<ScoreRequest> requests = List.of(ScoreRequest.of(Map.of("sqm", 55.5, "rooms", 2, "age", 40)),
                ScoreRequest.of(Map.of("sqm", 180, "rooms", 6, "age", 1)));
        Path first = Files.createDirectory(dir.resolve("first"));
        Path second = Files.createDirectory(dir.resolve("second"));
        try (TrainedModel model = train(DemoData.houses(500, 2), Map.of("seed", 3))) {
            model.save(first);
            model.save(second);
            try (Scorer fresh = kind.load(first); Scorer loaded = kind.load(second)) {
                for (int i = 0; i < requests.size(); i++) {
                    assertEquals(fresh.score(requests.get(i)).number("prediction"),
                            loaded.scoreBatch(requests).get(i).number("prediction"), 1e-9);
                }
                assertTrue(loaded.nativeMemoryBytes() > 0);
            }
        }
    }

    @Test
    void singleRowsFromManyThreadsMatchTheBatchPath(@TempDir Path dir) throws Exception {
        // A single row goes through a pooled, reused ND4J product; a batch makes its own arrays. Both must agree,
        // for probabilities too, whichever thread and pooled product serves the row, and a closed scorer refuses.
        int n = 400;
        double[] a = new double[n];
        double[] b = new double[n];
        double[] label = new double[n];
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < n; i++) {
            a[i] = 50 + 10 * random.nextGaussian();
            b[i] = random.nextGaussian();
            label[i] = (a[i] - 50) / 10 + b[i] + 0.5 * random.nextGaussian() > 0 ? 1 : 0;
        }
        try (TrainedModel model = train(Dataset.builder().numbers("a", a).numbers("b", b).numbers("label", label)
                .build(), Map.of("task", "classification"))) {
            model.save(dir);
        }
        List<ScoreRequest> requests = new java.util.ArrayList<>();
        for (int i = 0; i < 64; i++) {
            requests.add(ScoreRequest.of(Map.of("a", a[i], "b", b[i])));
        }
        Scorer scorer = kind.load(dir);
        List<io.merx.api.ScoreResult> batch = scorer.scoreBatch(requests);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Double>> singles = new java.util.ArrayList<>();
            for (int round = 0; round < 20; round++) {
                for (ScoreRequest request : requests) {
                    singles.add(pool.submit(() -> scorer.score(request).number("probability")));
                }
            }
            for (int i = 0; i < singles.size(); i++) {
                assertEquals(batch.get(i % requests.size()).number("probability"), singles.get(i).get(), 1e-12);
            }
        } finally {
            pool.shutdown();
        }
        scorer.close();
        ScoringException closed = assertThrows(ScoringException.class, () -> scorer.score(requests.get(0)));
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
    }

    @Test
    void logisticRegressionSeparatesClasses() throws Exception {
        int n = 600;
        double[] a = new double[n];
        double[] label = new double[n];
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < n; i++) {
            a[i] = random.nextGaussian();
            label[i] = a[i] + 0.3 * random.nextGaussian() > 0 ? 1 : 0;
        }
        Dataset data = Dataset.builder().numbers("a", a).numbers("label", label).build();
        try (TrainedModel model = train(data, Map.of("task", "classification"))) {
            assertTrue(model.provenance().metrics().get("accuracy") > 0.85, model.provenance().metrics().toString());
        }
    }

    @Test
    void badInputIsRefusedWithTheFieldName(@TempDir Path dir) throws Exception {
        IllegalArgumentException hp = assertThrows(IllegalArgumentException.class,
                () -> HyperParameters.of(kind.parameters(), Map.of("l2", -1)));
        assertTrue(hp.getMessage().contains("'l2'"), hp.getMessage());

        Dataset text = Dataset.builder().strings("who", new String[] {"a", "b", "c", "d"})
                .numbers("y", new double[] {1, 2, 3, 4}).build();
        IllegalArgumentException noFeatures = assertThrows(IllegalArgumentException.class, () -> train(text, Map.of()));
        assertTrue(noFeatures.getMessage().contains("no numeric feature"), noFeatures.getMessage());

        Dataset withNaN = Dataset.builder().numbers("x", new double[] {1, Double.NaN, 3, 4, 5})
                .numbers("y", new double[] {1, 2, 3, 4, 5}).build();
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> train(withNaN, Map.of()));
        assertTrue(nan.getMessage().contains("column 'x' row 2"), nan.getMessage());

        try (TrainedModel model = train(DemoData.houses(100, 3), Map.of()); Scorer scorer = kind.load(save(model, dir))) {
            IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                    () -> scorer.score(ScoreRequest.of(Map.of("sqm", 1, "rooms", 2))));
            assertTrue(missing.getMessage().contains("'age'"), missing.getMessage());
            scorer.close();
            assertThrows(ScoringException.class,
                    () -> scorer.score(ScoreRequest.of(Map.of("sqm", 1, "rooms", 2, "age", 3))));
        }
    }

    @Test
    void corruptFilesGiveALoadError(@TempDir Path dir) throws Exception {
        try (TrainedModel model = train(DemoData.houses(100, 4), Map.of())) {
            model.save(dir);
        }
        Files.write(dir.resolve(LinearModelFiles.WEIGHTS), new byte[] {1, 2, 3});
        assertThrows(ModelLoadException.class, () -> kind.load(dir));
        Files.delete(dir.resolve(LinearModelFiles.META));
        ModelLoadException missing = assertThrows(ModelLoadException.class, () -> kind.load(dir));
        assertTrue(missing.getMessage().contains(LinearModelFiles.META), missing.getMessage());
    }

    @Test
    void trainingIsDeterministicForAFixedSeed() throws Exception {
        Dataset data = DemoData.houses(300, 9);
        try (TrainedModel first = train(data, Map.of("seed", 11)); TrainedModel second = train(data, Map.of("seed", 11))) {
            assertEquals(first.provenance().metrics(), second.provenance().metrics());
            assertEquals(first.provenance().dataFingerprint(), second.provenance().dataFingerprint());
        }
    }

    private static Path save(TrainedModel model, Path dir) throws Exception {
        model.save(dir);
        return dir;
    }
}
