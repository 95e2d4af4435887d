package io.merx.runtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.ScoringException;

/**
 * Dynamic batching: single requests to one model version that arrive close together are scored with one batched
 * call. The first request of a batch leads it: it waits until the batch is full or the policy's delay has passed,
 * scores every request in it on its own thread, and hands each its result; no extra thread and no queue in between.
 * Requests that join meanwhile wait for their result. A batch the scorer fails is scored again request by request,
 * so one request's failure is never another's.
 */
final class RequestBatcher {

    /** Scores requests, already validated, with a version held by every caller until its result is in. */
    @FunctionalInterface
    interface BatchScoring {
        List<ScoreResult> score(List<ScoreRequest> requests) throws ScoringException;
    }

    private final Map<LoadedVersion, Batch> open = new ConcurrentHashMap<>();

    /** Scores one request as part of a batch for its version; returns its result or throws its own failure. */
    ScoreResult score(LoadedVersion version, ScoreRequest request, BatchingPolicy policy, BatchScoring scoring)
            throws ScoringException {
        while (true) {
            Batch batch = open.computeIfAbsent(version, v -> new Batch(policy.maxBatchSize()));
            int slot = batch.join(request);
            if (slot < 0) {
                // Full or already being scored: the next request starts a new batch.
                open.remove(version, batch);
                continue;
            }
            if (slot == 0) {
                batch.awaitFullOrDelay(policy.maxDelay().toNanos());
                open.remove(version, batch);
                batch.run(scoring);
            }
            return batch.result(slot);
        }
    }

    /**
     * The requests gathered for one call, and then their outcomes. Waits go through a {@link Condition}, whose
     * {@code awaitNanos} parks for the time asked: {@code Object.wait(millis, nanos)} rounds any part of a
     * millisecond up to a whole one, which made a 200 µs delay a 1.1 ms wait (docs/benchmarks.md).
     */
    private static final class Batch {

        private final int capacity;
        private final List<ScoreRequest> requests = new ArrayList<>();
        private final ReentrantLock lock = new ReentrantLock();
        /** Signalled when the batch fills and when its outcomes are in. */
        private final Condition changed = lock.newCondition();
        private ScoreResult[] results;
        private Exception[] failures;
        private boolean closed;
        private boolean done;

        Batch(int capacity) {
            this.capacity = capacity;
        }

        /** The request's place in the batch, or -1 when the batch takes no more. */
        int join(ScoreRequest request) {
            lock.lock();
            try {
                if (closed || requests.size() >= capacity) {
                    return -1;
                }
                requests.add(request);
                if (requests.size() == capacity) {
                    changed.signalAll();
                }
                return requests.size() - 1;
            } finally {
                lock.unlock();
            }
        }

        void awaitFullOrDelay(long delayNanos) {
            boolean interrupted = false;
            lock.lock();
            try {
                long left = delayNanos;
                while (requests.size() < capacity && left > 0) {
                    try {
                        left = changed.awaitNanos(left);
                    } catch (InterruptedException e) {
                        // The leader scores the batch anyway: the others wait on it. Its interrupt is kept for later.
                        interrupted = true;
                        break;
                    }
                }
                closed = true;
            } finally {
                lock.unlock();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        void run(BatchScoring scoring) {
            List<ScoreRequest> batch;
            lock.lock();
            try {
                batch = List.copyOf(requests);
            } finally {
                lock.unlock();
            }
            ScoreResult[] outcome = new ScoreResult[batch.size()];
            Exception[] failed = new Exception[batch.size()];
            try {
                List<ScoreResult> scored = scoring.score(batch);
                if (scored.size() != batch.size()) {
                    throw new ScoringException("the scorer returned " + scored.size() + " results for a batch of "
                            + batch.size());
                }
                scored.toArray(outcome);
            } catch (ScoringException | RuntimeException batchFailed) {
                for (int i = 0; i < batch.size(); i++) {
                    try {
                        outcome[i] = scoring.score(List.of(batch.get(i))).get(0);
                    } catch (ScoringException | RuntimeException alone) {
                        failed[i] = alone;
                    }
                }
            }
            lock.lock();
            try {
                results = outcome;
                failures = failed;
                done = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        ScoreResult result(int slot) throws ScoringException {
            lock.lock();
            try {
                while (!done) {
                    // The caller holds a reference to the version until the batch is scored: wait it out, and keep
                    // an interrupt for later (awaitUninterruptibly leaves the thread's flag set).
                    changed.awaitUninterruptibly();
                }
            } finally {
                lock.unlock();
            }
            Exception failure = failures[slot];
            if (failure instanceof ScoringException scoring) {
                throw scoring;
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            return results[slot];
        }
    }
}
