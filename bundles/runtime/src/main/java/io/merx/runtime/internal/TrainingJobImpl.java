package io.merx.runtime.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;
import io.merx.api.runtime.JobState;
import io.merx.api.runtime.TrainingJob;
import io.merx.api.runtime.TrainingRequest;

/** One training run: read the data, train, save as the next version, optionally activate. */
final class TrainingJobImpl implements TrainingJob, Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingJobImpl.class);
    private static final double READ_SHARE = 0.05;
    private static final double TRAIN_SHARE = 0.90;

    /** Stores a trained model as a new version and returns the version. */
    @FunctionalInterface
    interface Saver {
        String save(String model, TrainedModel trained, boolean activate) throws Exception;
    }

    private final long id;
    private final TrainingRequest request;
    private final ModelKind kind;
    private final HyperParameters hyperParameters;
    private final Saver saver;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile JobState state = JobState.QUEUED;
    private volatile double progress;
    private volatile String message = "queued";
    private volatile String resultVersion;
    private volatile boolean cancelled;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;

    TrainingJobImpl(long id, TrainingRequest request, ModelKind kind, HyperParameters hyperParameters, Saver saver) {
        this.id = id;
        this.request = request;
        this.kind = kind;
        this.hyperParameters = hyperParameters;
        this.saver = saver;
    }

    @Override
    public void run() {
        String model = request.model();
        Thread.currentThread().setName("merx-training-" + model);
        try {
            if (cancelled) {
                finish(JobState.CANCELLED, "cancelled before it started");
                return;
            }
            startedAt = Instant.now();
            state = JobState.RUNNING;
            report(0, "reading " + request.dataset().getFileName());
            Dataset data = DatasetReader.read(request.dataset());
            report(READ_SHARE, "read " + data.rowCount() + " rows, " + data.columnNames().size() + " columns");
            try (TrainedModel trained = kind.newTrainer(hyperParameters).train(data, context())) {
                if (cancelled) {
                    finish(JobState.CANCELLED, "cancelled");
                    return;
                }
                report(READ_SHARE + TRAIN_SHARE, "saving");
                resultVersion = saver.save(model, trained, request.activate());
            }
            finish(JobState.SUCCEEDED, "saved version " + resultVersion + (request.activate() ? " and activated" : ""));
        } catch (TrainingException e) {
            finish(cancelled ? JobState.CANCELLED : JobState.FAILED, e.getMessage());
        } catch (Exception e) {
            String prefix = resultVersion != null ? "saved version " + resultVersion + " but " : "";
            finish(JobState.FAILED, prefix + e.getMessage());
            if (!(e instanceof IllegalArgumentException)) {
                LOG.warn("Training job {} for {} failed", id, model, e);
            }
        }
    }

    private TrainingContext context() {
        return new TrainingContext() {
            @Override
            public void progress(double fraction, String text) {
                report(READ_SHARE + TRAIN_SHARE * Math.max(0, Math.min(1, fraction)), text);
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }
        };
    }

    private void report(double fraction, String text) {
        progress = fraction;
        message = text;
    }

    private void finish(JobState finalState, String text) {
        if (finalState == JobState.SUCCEEDED) {
            progress = 1;
        }
        message = text;
        // set before the state, so whoever sees a finished state also sees when it finished
        finishedAt = Instant.now();
        state = finalState;
        LOG.info("Training job {} for {} {}: {}", id, request.model(), finalState, text);
        done.countDown();
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public String model() {
        return request.model();
    }

    @Override
    public String kind() {
        return kind.name();
    }

    @Override
    public JobState state() {
        return state;
    }

    @Override
    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    @Override
    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(finishedAt);
    }

    @Override
    public double progress() {
        return progress;
    }

    @Override
    public String message() {
        return message;
    }

    @Override
    public Optional<String> resultVersion() {
        return Optional.ofNullable(resultVersion);
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        return done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public String toString() {
        return "job " + id + " " + request.model() + " " + state + String.format(" %.0f%% ", progress * 100)
                + message;
    }
}
