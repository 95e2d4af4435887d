package io.merx.benchmarks.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.ScoreResponse;
import io.merx.api.runtime.TrainingJob;
import io.merx.api.runtime.TrainingRequest;
import io.merx.runtime.internal.TestRuntimes;
import io.merx.testkit.LinearTestKind;

/**
 * What the runtime adds per score call: alias and canary routing, schema validation, reference counting,
 * counters and the latency histogram. Compared with calling the same {@link Scorer} directly, with and
 * without the schema validation the runtime performs. The model is the test kit's linear kind (a dot product of
 * eight features), so the figures are the runtime's own cost rather than the model's; the runtime is the real one,
 * built in-process by {@link TestRuntimes} from merx-runtime's test jar.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RuntimeOverheadBenchmark {

    private static final int FEATURES = 8;

    private ModelRuntime runtime;
    private Scorer direct;
    private ScoreRequest[] requests;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path dir = Files.createTempDirectory("merx-bench");
        LinearTestKind kind = new LinearTestKind();
        runtime = TestRuntimes.create(dir.resolve("store"), kind);
        StringBuilder csv = new StringBuilder();
        for (int j = 0; j < FEATURES; j++) {
            csv.append('x').append(j).append(',');
        }
        csv.append("y\n");
        for (int i = 0; i < 100; i++) {
            for (int j = 0; j < FEATURES; j++) {
                csv.append((i * 7 + j) % 13).append(',');
            }
            csv.append(i % 5).append('\n');
        }
        Path data = dir.resolve("data.csv");
        Files.writeString(data, csv);
        // One epoch: the weights do not matter here, only the cost of a call.
        TrainingJob job = runtime.train(TrainingRequest.builder("bench", LinearTestKind.NAME, data)
                .parameter("epochs", "1").activate(true).build());
        if (!job.await(Duration.ofSeconds(30)) || job.resultVersion().isEmpty()) {
            throw new IllegalStateException("training failed: " + job.message());
        }
        direct = kind.load(dir.resolve("store").resolve("bench").resolve(job.resultVersion().get()));
        requests = new ScoreRequest[1024];
        for (int i = 0; i < requests.length; i++) {
            requests[i] = request(i);
        }
    }

    private static ScoreRequest request(long i) {
        double[] x = new double[FEATURES];
        for (int j = 0; j < FEATURES; j++) {
            x[j] = (i + j) % 10;
        }
        return new ScoreRequest("user-" + (i % 1000), Map.of("x", x));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        direct.close();
        TestRuntimes.close(runtime);
    }

    private ScoreRequest nextRequest() {
        next = (next + 1) & (requests.length - 1);
        return requests[next];
    }

    @Benchmark
    public ScoreResult scorerDirect() throws Exception {
        return direct.score(nextRequest());
    }

    @Benchmark
    public ScoreResult scorerDirectWithValidation() throws Exception {
        ScoreRequest request = nextRequest();
        direct.inputSchema().validate(request.inputs());
        return direct.score(request);
    }

    @Benchmark
    public ScoreResponse throughRuntime() throws Exception {
        return runtime.score("bench", nextRequest());
    }
}
