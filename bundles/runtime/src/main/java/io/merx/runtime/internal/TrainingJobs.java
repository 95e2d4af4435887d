package io.merx.runtime.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.runtime.TrainingJob;
import io.merx.api.runtime.TrainingRequest;

/**
 * Runs training jobs on their own threads, never on scoring threads, at most one per model at a time.
 * Keeps the latest job per model so operators can look at how it ended.
 */
final class TrainingJobs implements AutoCloseable {

    private final AtomicLong ids = new AtomicLong();
    private final Map<String, TrainingJobImpl> latest = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "merx-training");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1); // scoring latency matters more
        return t;
    });

    /** @throws IllegalStateException when the model has a job that is not done */
    TrainingJob start(TrainingRequest request, ModelKind kind, HyperParameters hyperParameters,
            TrainingJobImpl.Saver saver) {
        return start(request, kind, hyperParameters, saver, job -> { });
    }

    /**
     * Starts a job and runs {@code onEnd} on its thread right after it ended (a cluster gives its lease back there).
     *
     * @throws IllegalStateException when the model has a job that is not done
     */
    synchronized TrainingJob start(TrainingRequest request, ModelKind kind, HyperParameters hyperParameters,
            TrainingJobImpl.Saver saver, java.util.function.Consumer<TrainingJob> onEnd) {
        TrainingJobImpl running = latest.get(request.model());
        if (running != null && !running.state().isDone()) {
            throw new IllegalStateException("model " + request.model() + " already has a running training job: "
                    + running);
        }
        TrainingJobImpl job = new TrainingJobImpl(ids.incrementAndGet(), request, kind, hyperParameters, saver);
        latest.put(request.model(), job);
        executor.execute(() -> {
            try {
                job.run();
            } finally {
                onEnd.accept(job);
            }
        });
        return job;
    }

    List<TrainingJob> all() {
        List<TrainingJob> jobs = new ArrayList<>(latest.values());
        jobs.sort(Comparator.comparingLong(TrainingJob::id).reversed());
        return jobs;
    }

    Optional<TrainingJob> latest(String model) {
        return Optional.ofNullable(latest.get(model));
    }

    @Override
    public void close() {
        latest.values().forEach(TrainingJob::cancel);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }
}
