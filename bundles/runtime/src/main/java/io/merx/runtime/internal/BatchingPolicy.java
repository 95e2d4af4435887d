package io.merx.runtime.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which models gather concurrent single requests into one {@code Scorer.scoreBatch} call, and how long the first
 * request of a batch waits for others. Opt-in by model name or by kind: batching pays where one batched call costs
 * much less than a loop (an ND4J network's matrix product), and only adds waiting elsewhere.
 *
 * @param models model names that batch
 * @param kinds kind names whose models all batch
 * @param maxDelay the longest the first request of a batch waits for more (the latency batching may add)
 * @param maxBatchSize a batch is scored at once when it holds this many requests
 */
record BatchingPolicy(Set<String> models, Set<String> kinds, Duration maxDelay, int maxBatchSize) {

    static final String PID = "io.merx.runtime.batching";
    static final long DEFAULT_MAX_DELAY_MICROS = 1000;
    static final int DEFAULT_MAX_BATCH_SIZE = 32;

    /** No model batches: every request is scored on its own, as before this existed. */
    static final BatchingPolicy OFF = new BatchingPolicy(Set.of(), Set.of(),
            Duration.ofNanos(DEFAULT_MAX_DELAY_MICROS * 1000), DEFAULT_MAX_BATCH_SIZE);

    BatchingPolicy {
        models = Set.copyOf(models);
        kinds = Set.copyOf(kinds);
        if (maxDelay.isNegative() || maxDelay.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("maxDelayMicros must be between 0 and 1000000, got "
                    + maxDelay.toNanos() / 1000);
        }
        if (maxBatchSize < 2) {
            throw new IllegalArgumentException("maxBatchSize must be at least 2, got " + maxBatchSize);
        }
    }

    static BatchingPolicy from(BatchingConfig config) {
        return new BatchingPolicy(names(config.models()), names(config.kinds()),
                Duration.ofNanos(config.maxDelayMicros() * 1000), config.maxBatchSize());
    }

    private static Set<String> names(String[] values) {
        return values == null ? Set.of() : Arrays.stream(values).map(String::trim).filter(v -> !v.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether requests to this model (of this kind) are batched. */
    boolean batches(String model, String kind) {
        return models.contains(model) || kinds.contains(kind);
    }
}
