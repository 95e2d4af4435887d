package io.merx.runtime.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.api.runtime.JobState;
import io.merx.api.runtime.TrainingJob;
import io.merx.runtime.cluster.JobLease;
import io.merx.runtime.cluster.SharedJob;
import io.merx.runtime.cluster.SharedState;
import io.merx.runtime.cluster.SharedStateUnavailableException;

/**
 * One training job per model cluster-wide: a job starts only with the model's lease, which is renewed while the job
 * runs and released when it ends; the job is recorded in the shared state when it starts and when it ends. A job
 * whose lease was taken over (this node could not renew it in time) is cancelled.
 */
final class ClusterTraining {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterTraining.class);
    private static final long TICK_MILLIS = 200;

    private final SharedState shared;
    private final Duration ttl;
    private final ScheduledExecutorService timer;
    /** This node's latest job per model, until its end is recorded and its lease given back. */
    private final Map<String, Tracker> trackers = new ConcurrentHashMap<>();

    ClusterTraining(SharedState shared, Duration ttl, ScheduledExecutorService timer) {
        this.shared = shared;
        this.ttl = ttl;
        this.timer = timer;
    }

    /**
     * Takes the model's lease and starts the job.
     *
     * @throws IllegalStateException naming the node that trains the model when another one holds the lease
     */
    TrainingJob start(String model, String kind, Function<Consumer<TrainingJob>, TrainingJob> starter) {
        Tracker previous = trackers.get(model);
        if (previous != null) {
            // A job of this node that just ended may not have given its lease back yet.
            previous.finishIfDone();
        }
        JobLease lease = shared.acquireLease(model, ttl)
                .orElseThrow(() -> new IllegalStateException("model '" + model + "' is being trained on "
                        + holder(model)));
        try {
            failAbandoned(model, lease);
        } catch (RuntimeException e) {
            shared.releaseLease(lease);
            throw e;
        }
        TrainingJob job;
        try {
            job = starter.apply(this::ended);
        } catch (RuntimeException e) {
            shared.releaseLease(lease);
            throw e;
        }
        Tracker tracker = new Tracker(job, kind, lease);
        trackers.put(model, tracker);
        tracker.record();
        tracker.future = timer.scheduleWithFixedDelay(tracker, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        return job;
    }

    /** On the training thread, right after a job ended: record it and give the lease back at once. */
    private void ended(TrainingJob job) {
        Tracker tracker = trackers.get(job.model());
        if (tracker != null && tracker.job == job) {
            try {
                tracker.finishIfDone();
            } catch (SharedStateUnavailableException e) {
                LOG.debug("Cannot record the end of training job {} yet: {}", tracker.id, e.getMessage());
            }
        }
    }

    /**
     * With the model's lease in hand, a job of the model still recorded as running belongs to a node that stopped
     * renewing the lease (it died or lost the database): it is recorded as failed, so nobody waits for it.
     */
    private void failAbandoned(String model, JobLease lease) {
        for (SharedJob j : shared.jobs()) {
            if (j.model().equals(model) && !j.state().isDone()) {
                LOG.warn("Training job {} of model '{}' on node {} was abandoned; recording it as failed", j.id(),
                        model, j.node());
                shared.recordJob(new SharedJob(j.id(), j.model(), j.kind(), j.node(), JobState.FAILED,
                        "node " + j.node() + " stopped renewing the training lease; node " + lease.node()
                                + " found the job abandoned",
                        null, j.startedAt(), Instant.now()));
            }
        }
    }

    private String holder(String model) {
        try {
            return shared.jobs().stream().filter(j -> j.model().equals(model) && !j.state().isDone())
                    .map(j -> "node " + j.node()).findFirst().orElse("another node");
        } catch (SharedStateUnavailableException e) {
            return "another node";
        }
    }

    /** Renews the lease while the job runs; records the end and releases the lease once it is done. */
    private final class Tracker implements Runnable {

        private final TrainingJob job;
        private final String kind;
        private final String id;
        private JobLease lease;
        private Instant renewed = Instant.now();
        private volatile ScheduledFuture<?> future;

        Tracker(TrainingJob job, String kind, JobLease lease) {
            this.job = job;
            this.kind = kind;
            this.lease = lease;
            this.id = lease.node() + "-" + job.id();
        }

        /** Records the end and releases the lease once, if the job is done. */
        synchronized boolean finishIfDone() {
            if (!job.state().isDone()) {
                return false;
            }
            if (trackers.get(job.model()) == this) {
                record();
                shared.releaseLease(lease);
                trackers.remove(job.model(), this);
            }
            stop();
            return true;
        }

        @Override
        public synchronized void run() {
            try {
                if (finishIfDone()) {
                    return;
                } else if (Instant.now().isAfter(renewed.plus(ttl.dividedBy(3)))) {
                    Optional<JobLease> next = shared.renewLease(lease, ttl);
                    renewed = Instant.now();
                    if (next.isEmpty()) {
                        LOG.warn("Lost the training lease of {} to another node; cancelling {}", job.model(), job);
                        job.cancel();
                    } else {
                        lease = next.get();
                    }
                }
            } catch (SharedStateUnavailableException e) {
                // Tried again on the next tick; a lease that lapses meanwhile is found lost on renewal.
                LOG.debug("Cannot reach the shared state for training job {}: {}", id, e.getMessage());
            }
        }

        private void stop() {
            ScheduledFuture<?> f = future;
            if (f != null) {
                f.cancel(false);
            }
        }

        /** Records the job as it is now; at the start a failure is only logged (the end is recorded again). */
        void record() {
            try {
                recordNow();
            } catch (SharedStateUnavailableException e) {
                if (job.state().isDone()) {
                    throw e;
                }
                LOG.debug("Cannot record training job {} yet: {}", id, e.getMessage());
            }
        }

        private void recordNow() {
            shared.recordJob(new SharedJob(id, job.model(), kind, lease.node(), job.state(),
                    job.state().isDone() ? job.message() : null, job.resultVersion().orElse(null),
                    job.startedAt().orElse(Instant.now()), job.finishedAt().orElse(null)));
        }
    }
}
