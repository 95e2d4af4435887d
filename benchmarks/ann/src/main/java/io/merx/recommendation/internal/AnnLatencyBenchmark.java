package io.merx.recommendation.internal;

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
import org.openjdk.jmh.annotations.Warmup;

import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;

/**
 * Top-10 of a known user through the real scorer, on the million-item model {@link AnnBenchmark} built: with its
 * HNSW index, and the same model scanned exactly. Users cycle, so successive queries differ. In-process (no fork):
 * the model takes many minutes to build on the 2-core machine, so the run that built it measures it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 4, time = 5)
@Fork(0)
public class AnnLatencyBenchmark {

    private RecommendationScorer indexed;
    private RecommendationScorer exact;
    private ScoreRequest[] requests;
    private int next;

    @Setup(Level.Trial)
    public void load() throws Exception {
        ModelData model = AnnBenchmark.indexed;
        indexed = new RecommendationScorer(model);
        exact = new RecommendationScorer(model.withAnn(null));
        requests = new ScoreRequest[model.userIds.length];
        for (int u = 0; u < requests.length; u++) {
            requests[u] = ScoreRequest.of(Map.of("user", model.userIds[u], "k", 10, "fresh", false));
        }
    }

    private ScoreRequest nextRequest() {
        next = next + 1 == requests.length ? 0 : next + 1;
        return requests[next];
    }

    @Benchmark
    public ScoreResult topTenIndexed() throws Exception {
        return indexed.score(nextRequest());
    }

    @Benchmark
    public ScoreResult topTenExact() throws Exception {
        return exact.score(nextRequest());
    }
}
