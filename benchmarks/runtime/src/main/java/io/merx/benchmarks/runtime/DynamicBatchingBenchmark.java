package io.merx.benchmarks.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.merx.api.ScoreRequest;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.ScoreResponse;
import io.merx.api.runtime.TrainingJob;
import io.merx.api.runtime.TrainingRequest;
import io.merx.example.linear.internal.DemoData;
import io.merx.example.linear.internal.LinearKind;
import io.merx.runtime.internal.TestRuntimes;

/**
 * Dynamic batching on an ND4J kind: {@code example.linear} (standardise, one matrix product, per call) scored by
 * concurrent callers through the real in-process runtime, with batching off and on (a maximum delay of
 * {@link #delayMicros}). Sample mode gives the latency distribution a caller sees (its wait for the batch included)
 * and, through the number of samples, the throughput. The callers are JMH threads: closed loop, each sends its next
 * request when the last one is answered.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(16)
public class DynamicBatchingBenchmark {

    private static final String MODEL = "houses";

    /** Batching off, or on with this maximum delay in microseconds. */
    @Param({"off", "200", "1000"})
    public String delayMicros;

    private ModelRuntime runtime;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path dir = Files.createTempDirectory("merx-batching");
        runtime = TestRuntimes.create(dir.resolve("store"), new LinearKind());
        Path data = dir.resolve("houses.csv");
        var houses = DemoData.houses(2000, 7);
        StringBuilder csv = new StringBuilder("sqm,rooms,age,price\n");
        for (int i = 0; i < houses.rowCount(); i++) {
            csv.append(houses.numbers("sqm")[i]).append(',').append(houses.numbers("rooms")[i]).append(',')
                    .append(houses.numbers("age")[i]).append(',').append(houses.numbers("price")[i]).append('\n');
        }
        Files.writeString(data, csv);
        TrainingJob job = runtime.train(TrainingRequest.builder(MODEL, LinearKind.NAME, data).activate(true).build());
        if (!job.await(Duration.ofMinutes(2)) || job.resultVersion().isEmpty()) {
            throw new IllegalStateException("training failed: " + job.message());
        }
        if (!"off".equals(delayMicros)) {
            TestRuntimes.batch(runtime, Duration.ofNanos(Long.parseLong(delayMicros) * 1000), 32, MODEL);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        TestRuntimes.close(runtime);
    }

    @Benchmark
    public ScoreResponse score() throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return runtime.score(MODEL, new ScoreRequest(null, Map.of("sqm", 30 + random.nextDouble(170),
                "rooms", (double) random.nextInt(1, 7), "age", (double) random.nextInt(80))));
    }
}
