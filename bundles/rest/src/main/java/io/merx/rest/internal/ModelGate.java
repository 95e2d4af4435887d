package io.merx.rest.internal;

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

/**
 * Bounds scoring per model: at most {@code maxConcurrentPerModel} requests of one model run at once, a request
 * waits at most {@code queueWait} for a slot (then 429), and the whole request at most {@code requestTimeout}
 * (then 503). Both carry Retry-After so clients back off instead of piling up. Work runs on a pool so the
 * servlet thread can stop waiting; a request that timed out keeps its slot until the scorer returns, so a stuck
 * model cannot take more than its share of threads. With a timeout of zero, work runs on the calling thread.
 */
final class ModelGate implements AutoCloseable {

    private static final int MAX_TRACKED_MODELS = 10_000;

    private final RestSettings settings;
    private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor pool;

    ModelGate(RestSettings settings) {
        this.settings = settings;
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

    /** Runs scoring work for a model within its limits. */
    <T> T run(String model, Callable<T> work) throws Exception {
        long start = System.nanoTime();
        Semaphore semaphore = slots.computeIfAbsent(model, m -> new Semaphore(settings.maxConcurrentPerModel()));
        if (!semaphore.tryAcquire(settings.queueWait().toNanos(), TimeUnit.NANOSECONDS)) {
            throw ApiException.busy(429, "model '" + model + "' is serving its limit of "
                    + settings.maxConcurrentPerModel() + " concurrent requests; retry later");
        }
        if (settings.requestTimeout().isZero()) {
            try {
                return work.call();
            } catch (IllegalStateException e) {
                throw new ApiException(422, "scoring failed: " + e.getMessage(), null, false);
            } finally {
                semaphore.release();
            }
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            pool.execute(() -> {
                try {
                    result.complete(work.call());
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                } finally {
                    semaphore.release();
                }
            });
        } catch (RejectedExecutionException e) {
            semaphore.release();
            throw ApiException.busy(503, "the server is at its limit of scoring threads; retry later");
        }
        long remaining = settings.requestTimeout().toNanos() - (System.nanoTime() - start);
        try {
            return result.get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw ApiException.busy(503, "model '" + model + "' did not answer within "
                    + settings.requestTimeout().toMillis() + " ms");
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

    /** Forgets idle slots when hostile traffic names many models that do not exist. */
    private void trim() {
        if (slots.size() > MAX_TRACKED_MODELS) {
            for (Iterator<Semaphore> it = slots.values().iterator(); it.hasNext();) {
                if (it.next().availablePermits() == settings.maxConcurrentPerModel()) {
                    it.remove();
                }
            }
        }
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
