package io.merx.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.merx.api.ScoreRequest;
import io.merx.api.runtime.JobState;
import io.merx.api.runtime.TrainingJob;
import io.merx.api.runtime.TrainingRequest;
import io.merx.testkit.LinearTestKind;

/** A runtime on a temporary store with the linear test kind bound, and helpers to train versions. */
final class Fixture implements AutoCloseable {

    final Path dir;
    final LinearTestKind kind;
    ModelRuntimeImpl runtime;

    Fixture(Path dir) throws IOException {
        this(dir, settings(dir.resolve("store")));
    }

    /** See {@link TestRuntimes#settings}. */
    static RuntimeSettings settings(Path store) {
        return TestRuntimes.settings(store);
    }

    Fixture(Path dir, RuntimeSettings settings) throws IOException {
        this.dir = dir;
        this.kind = new LinearTestKind();
        this.runtime = new ModelRuntimeImpl(settings);
        runtime.bindKind(kind);
    }

    /** Writes y = slope * x1 - 2 * x2 + 1 for 50 rows. */
    Path csv(String name, double slope) throws IOException {
        StringBuilder csv = new StringBuilder("x1,x2,y\n");
        for (int i = 0; i < 50; i++) {
            double x1 = (i % 10) / 10.0;
            double x2 = (i % 7) / 7.0;
            csv.append(x1).append(',').append(x2).append(',').append(slope * x1 - 2 * x2 + 1).append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, csv);
        return file;
    }

    /** Trains a version and waits for it; returns the version. */
    String train(String model, double slope, Map<String, String> parameters) throws Exception {
        TrainingJob job = runtime.train(TrainingRequest.builder(model, LinearTestKind.NAME,
                csv(model + "-" + slope + ".csv", slope)).parameters(parameters).build());
        assertTrue(job.await(Duration.ofSeconds(30)), "training finished");
        assertEquals(JobState.SUCCEEDED, job.state(), job.message());
        return job.resultVersion().orElseThrow();
    }

    String train(String model, double slope) throws Exception {
        return train(model, slope, Map.of());
    }

    static ScoreRequest request(String key, double x1, double x2) {
        return new ScoreRequest(key, Map.of("x", new double[] {x1, x2}));
    }

    /** Closes the runtime and opens a new one on the same store, as a restart does. */
    void restart() throws IOException {
        runtime.close();
        runtime = new ModelRuntimeImpl(settings(dir.resolve("store")));
        runtime.bindKind(kind);
    }

    @Override
    public void close() {
        runtime.close();
    }
}
