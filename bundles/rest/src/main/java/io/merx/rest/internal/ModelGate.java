package io.merx.rest.internal;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds scoring per model: at most {@code maxConcurrentPerModel} requests of one model run at once, a request
 * waits at most {@code queueWait} for a slot (then 429), and the whole request at most its timeout (then 503).
 * Both carry Retry-After so clients back off instead of piling up. Work runs on a pool so the servlet thread can
 * stop waiting. A request that times out is cancelled: batch work stops at its next item (see
 * {@link BatchScoring}) and gives its slot back then, so a backlog of abandoned work cannot starve the retries;
 * the timeout is logged and counted. With a timeout of zero, work runs on the calling thread.
 */
final class ModelGate implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModelGate.class);
    private static final int MAX_TRACKED_MODELS = 10_000;
    /** At most one timeout warning per model this often; the metric counts every one. */
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;
    /** How long a timed-out request waits for its cancelled work to stop before answering. */
    private static final long STOP_GRACE_MILLIS = 100;

    /** Scoring work that looks at its cancellation between items. */
    interface Work<T> {
        T call(Cancellation cancellation) throws Exception;
    }

    private final RestSettings settings;
    private final Consumer<String> onTimeout;
    private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();
    private final Map<String, long[]> timeoutLog = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor pool;

    ModelGate(RestSettings settings, Consumer<String> onTimeout) {
        this.settings = settings;
        this.onTimeout = onTimeout;
        AtomicInteger count = new AtomicInteger();
        int cores = Runtime.getRuntime().availableProcessors();
        this.pool = new ThreadPoolExecutor(Math.max(4, 2 * cores), 512, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "merx-rest-score-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.prestartAllCoreThreads();
    }

    /** Runs scoring work for a model within its limits and the given timeout (zero: none, on this thread). */
    <T> T run(String model, Duration timeout, Work<T> work) throws Exception {
        long start = System.nanoTime();
        Semaphore semaphore = slots.computeIfAbsent(model, m -> new Semaphore(settings.maxConcurrentPerModel()));
        if (!semaphore.tryAcquire(settings.queueWait().toNanos(), TimeUnit.NANOSECONDS)) {
            throw ApiException.busy(429, "model '" + model + "' is serving its limit of "
                    + settings.maxConcurrentPerModel() + " concurrent requests; retry later");
        }
        Cancellation cancellation = new Cancellation();
        if (timeout.isZero()) {
            try {
                return work.call(cancellation);
            } catch (IllegalStateException e) {
                throw new ApiException(422, "scoring failed: " + e.getMessage(), null, false);
            } finally {
                semaphore.release();
            }
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            pool.execute(() -> {
                T value = null;
                Throwable failure = null;
                try {
                    value = work.call(cancellation);
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    semaphore.release(); // before the waiter hears of it, so its client finds the slot free
                }
                if (failure == null) {
                    result.complete(value);
                } else {
                    result.completeExceptionally(failure);
                }
            });
        } catch (RejectedExecutionException e) {
            semaphore.release();
            throw ApiException.busy(503, "the server is at its limit of scoring threads; retry later");
        }
        long remaining = timeout.toNanos() - (System.nanoTime() - start);
        try {
            return result.get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            cancellation.cancel();
            if (cancellation.isWatched()) {
                awaitStop(result);
            }
            timedOut(model, timeout);
            throw ApiException.busy(503, "model '" + model + "' did not answer within " + timeout.toMillis()
                    + " ms; the request was cancelled");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalStateException) {
                // a scorer that cannot answer this input, e.g. an output that would not be finite
                throw new ApiException(422, "scoring failed: " + cause.getMessage(), null, false);
            }
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw (Error) cause;
        } finally {
            trim();
        }
    }

    /**
     * Gives cancelled work a moment to stop, so the 503 goes out with the slot already free and a client that
     * retries at once is not refused; work that does not stop that soon keeps its slot until it does.
     */
    private static void awaitStop(CompletableFuture<?> result) {
        try {
            result.get(STOP_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | java.util.concurrent.CancellationException e) {
            // stopped with the cancellation's error, as expected, or still running
        }
    }

    private void timedOut(String model, Duration timeout) {
        onTimeout.accept(model);
        long now = System.nanoTime();
        long[] last = timeoutLog.computeIfAbsent(model, m -> new long[] {now - LOG_EVERY_NANOS, 0});
        synchronized (last) {
            last[1]++;
            if (now - last[0] >= LOG_EVERY_NANOS) {
                LOG.warn("Scoring requests to model {} timed out after {} ms and were cancelled: {} since the last"
                        + " warning", model, timeout.toMillis(), last[1]);
                last[0] = now;
                last[1] = 0;
            }
        }
    }

    /** Forgets idle slots when hostile traffic names many models that do not exist. */
    private void trim() {
        if (slots.size() > MAX_TRACKED_MODELS) {
            for (Iterator<Semaphore> it = slots.values().iterator(); it.hasNext();) {
                if (it.next().availablePermits() == settings.maxConcurrentPerModel()) {
                    it.remove();
                }
            }
            timeoutLog.keySet().retainAll(slots.keySet());
        }
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
