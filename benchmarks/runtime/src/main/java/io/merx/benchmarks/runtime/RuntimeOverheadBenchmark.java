package io.merx.runtime.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import io.merx.api.runtime.ScoreResponse;
import io.merx.api.runtime.TrainingJob;
import io.merx.api.runtime.TrainingRequest;

/**
 * What the runtime adds per score call: alias and canary routing, schema validation, reference counting,
 * counters and the latency histogram. Compared with calling the same {@link Scorer} directly, with and
 * without the schema validation the runtime performs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RuntimeOverheadBenchmark {

    private ModelRuntimeImpl runtime;
    private Scorer direct;
    private ScoreRequest[] requests;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path dir = Files.createTempDirectory("merx-bench");
        runtime = new ModelRuntimeImpl(RuntimeSettings.defaults(dir.resolve("store")));
        DotProductKind kind = new DotProductKind();
        runtime.bindKind(kind);
        StringBuilder csv = new StringBuilder();
        for (int j = 0; j < DotProductKind.SIZE; j++) {
            csv.append(j == 0 ? "" : ",").append('x').append(j);
        }
        csv.append('\n');
        for (int i = 0; i < 100; i++) {
            for (int j = 0; j < DotProductKind.SIZE; j++) {
                csv.append(j == 0 ? "" : ",").append((i * 7 + j) % 13);
            }
            csv.append('\n');
        }
        Path data = dir.resolve("data.csv");
        Files.writeString(data, csv);
        TrainingJob job = runtime.train(TrainingRequest.builder("bench", DotProductKind.NAME, data).activate(true).build());
        if (!job.await(Duration.ofSeconds(30)) || job.resultVersion().isEmpty()) {
            throw new IllegalStateException("training failed: " + job.message());
        }
        direct = kind.load(dir.resolve("store").resolve("bench").resolve(job.resultVersion().get()));
        requests = new ScoreRequest[1024];
        for (int i = 0; i < requests.length; i++) {
            requests[i] = DotProductKind.request(i);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        direct.close();
        runtime.close();
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
