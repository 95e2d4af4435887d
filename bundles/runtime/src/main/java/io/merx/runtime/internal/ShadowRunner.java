package io.merx.runtime.internal;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAccumulator;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.runtime.ShadowReport;

/**
 * Scores copies of live requests with a shadow version on its own small thread pool and compares outputs.
 * The request path only enqueues; when the queue is full the copy is dropped and counted, never waited for.
 */
final class ShadowRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShadowRunner.class);

    /** Scores one request with the shadow version. */
    @FunctionalInterface
    interface ShadowScorer {
        ScoreResult score(ScoreRequest request) throws Exception;
    }

    private final ThreadPoolExecutor executor;
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

    ShadowRunner(int threads, int queueSize) {
        AtomicLong count = new AtomicLong();
        executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueSize), r -> {
                    Thread t = new Thread(r, "merx-shadow-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    private static final class Tally {
        final String version;
        final LongAdder compared = new LongAdder();
        final LongAdder differed = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder dropped = new LongAdder();
        final DoubleAdder sumDifference = new DoubleAdder();
        final DoubleAccumulator maxDifference = new DoubleAccumulator(Math::max, 0);

        Tally(String version) {
            this.version = version;
        }
    }

    /** Starts a fresh report for a model's new shadow version. */
    void reset(String model, String version) {
        tallies.put(model, new Tally(version));
    }

    /** Queues a comparison; returns at once. */
    void submit(String model, ScoreRequest request, ScoreResult live, ShadowScorer shadow) {
        Tally tally = tallies.get(model);
        if (tally == null) {
            return;
        }
        try {
            executor.execute(() -> compare(tally, request, live, shadow));
        } catch (RejectedExecutionException e) {
            tally.dropped.increment();
        }
    }

    private static void compare(Tally tally, ScoreRequest request, ScoreResult live, ShadowScorer shadow) {
        ScoreResult candidate;
        try {
            candidate = shadow.score(request);
        } catch (Exception e) {
            tally.errors.increment();
            LOG.debug("Shadow version {} failed: {}", tally.version, e.getMessage());
            return;
        }
        double largest = 0;
        boolean differs = !live.outputs().keySet().equals(candidate.outputs().keySet());
        for (Map.Entry<String, Object> output : live.outputs().entrySet()) {
            Object other = candidate.outputs().get(output.getKey());
            if (output.getValue() instanceof Number a && other instanceof Number b) {
                double diff = Math.abs(a.doubleValue() - b.doubleValue());
                largest = Math.max(largest, diff);
                differs |= diff > 1e-9 * Math.max(1, Math.abs(a.doubleValue()));
            } else {
                differs |= !Objects.deepEquals(output.getValue(), other);
            }
        }
        tally.compared.increment();
        if (differs) {
            tally.differed.increment();
        }
        tally.sumDifference.add(largest);
        tally.maxDifference.accumulate(largest);
    }

    ShadowReport report(String model) {
        Tally t = tallies.get(model);
        if (t == null) {
            return new ShadowReport(model, null, 0, 0, 0, 0, 0, 0);
        }
        long compared = t.compared.sum();
        return new ShadowReport(model, t.version, compared, t.differed.sum(), t.errors.sum(), t.dropped.sum(),
                compared == 0 ? 0 : t.sumDifference.sum() / compared, t.maxDifference.get());
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
