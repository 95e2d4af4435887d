package io.merx.recommendation.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import org.openjdk.jmh.annotations.Warmup;

import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.ScoringException;

/**
 * Scoring latency of {@code recommendation.als} through the full scorer path (request parsing, unseen-items
 * exclusion, heap, response maps) for one user over 50k and 100k items, and batch throughput. The model has
 * random factors of the given rank, 20k users with 20 training items each and 12 categories.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class TopKLatencyBenchmark {

    @Param({"50000", "100000"})
    public int items;

    @Param({"16"})
    public int rank;

    static final int USERS = 20_000;
    static final int BATCH = 64;

    private RecommendationScorer scorer;
    private ScoreRequest[] plain;
    private ScoreRequest[] filtered;
    private List<List<ScoreRequest>> batches;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        scorer = new RecommendationScorer(randomModel(USERS, items, rank, 1));
        Random random = new Random(2);
        plain = new ScoreRequest[1024];
        filtered = new ScoreRequest[1024];
        for (int i = 0; i < plain.length; i++) {
            String user = String.format("C%06d", random.nextInt(USERS));
            plain[i] = ScoreRequest.of(Map.of("user", user, "k", 10));
            List<String> unavailable = new ArrayList<>();
            for (int j = 0; j < 50; j++) {
                unavailable.add(String.format("P%06d", random.nextInt(items)));
            }
            filtered[i] = ScoreRequest.of(Map.of("user", user, "k", 10, "unavailable", unavailable, "categories",
                    List.of(ShopDataGenerator.CATEGORIES[0], ShopDataGenerator.CATEGORIES[3])));
        }
        batches = new ArrayList<>();
        for (int b = 0; b < plain.length / BATCH; b++) {
            batches.add(Arrays.asList(plain).subList(b * BATCH, (b + 1) * BATCH));
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public ScoreResult topK10() throws ScoringException {
        return scorer.score(plain[next++ & 1023]);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public ScoreResult topK10Filtered() throws ScoringException {
        return scorer.score(filtered[next++ & 1023]);
    }

    /** One call scores {@value #BATCH} users; requests per second = ops/s x {@value #BATCH}. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public List<ScoreResult> batch64() throws ScoringException {
        return scorer.scoreBatch(batches.get(next++ & (batches.size() - 1)));
    }

    /** 64 users one call each, for comparison with {@link #batch64()}. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int loop64() throws ScoringException {
        List<ScoreRequest> batch = batches.get(next++ & (batches.size() - 1));
        int n = 0;
        for (ScoreRequest request : batch) {
            n += scorer.score(request).outputs().size();
        }
        return n;
    }

    static ModelData randomModel(int users, int items, int k, long seed) {
        Random random = new Random(seed);
        String[] userIds = new String[users];
        for (int u = 0; u < users; u++) {
            userIds[u] = String.format("C%06d", u);
        }
        String[] itemIds = new String[items];
        int[] category = new int[items];
        int[] popularity = new int[items];
        for (int i = 0; i < items; i++) {
            itemIds[i] = String.format("P%06d", i);
            category[i] = random.nextInt(ShopDataGenerator.CATEGORIES.length);
            popularity[i] = (int) (10_000 / Math.pow(i + 1, 0.8)) + 1;
        }
        int perUser = 20;
        int[] ptr = new int[users + 1];
        int[] seen = new int[users * perUser];
        float[] weights = new float[seen.length];
        for (int u = 0; u < users; u++) {
            int[] mine = Filter.sortedDistinct(random.ints(perUser, 0, items).toArray(), perUser);
            System.arraycopy(mine, 0, seen, ptr[u], mine.length);
            Arrays.fill(weights, ptr[u], ptr[u] + mine.length, 1f);
            ptr[u + 1] = ptr[u] + mine.length;
        }
        float[] userFactors = new float[users * k];
        float[] itemFactors = new float[items * k];
        for (int i = 0; i < userFactors.length; i++) {
            userFactors[i] = (float) (random.nextGaussian() / Math.sqrt(k));
        }
        for (int i = 0; i < itemFactors.length; i++) {
            itemFactors[i] = (float) (random.nextGaussian() / Math.sqrt(k));
        }
        return new ModelData(userIds, itemIds, category, ShopDataGenerator.CATEGORIES.clone(), popularity, ptr,
                Arrays.copyOf(seen, ptr[users]), Arrays.copyOf(weights, ptr[users]),
                new Factors(k, userFactors, itemFactors), 10, 0.1, true);
    }
}
