package io.merx.risk.transaction;

import java.time.Duration;

import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;
import io.merx.graph.GraphStore;

/**
 * The {@link GraphStore} that training with {@code graphFeatures=neo4j} reads: present while Neo4j answers. Scoring
 * never needs it (the model carries its snapshot), so the kind registers without it; a training job waits for it
 * as long as the embedded server may take to start, then fails saying so.
 */
final class Neo4jAccess {

    static final Duration DEFAULT_WAIT = Duration.ofMinutes(3);
    private static final long POLL_MILLIS = 250;

    private final Duration wait;
    private GraphStore current;

    Neo4jAccess(Duration wait) {
        this.wait = wait;
    }

    synchronized void bind(GraphStore store) {
        current = store;
        notifyAll();
    }

    synchronized void unbind(GraphStore store) {
        if (current == store) {
            current = null;
        }
    }

    /** The store, waiting while Neo4j starts; ends early when the job is cancelled. */
    synchronized GraphStore await(TrainingContext context) throws TrainingException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (current == null) {
            if (context.isCancelled()) {
                throw new TrainingException("cancelled while waiting for Neo4j");
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TrainingException("training risk.transaction with graphFeatures=neo4j needs Neo4j, which has"
                        + " not been reachable for " + wait.toSeconds() + " s; check the io.merx.graph configuration,"
                        + " or train with graphFeatures=data (the graph of the training file only)");
            }
            context.progress(0, "waiting for Neo4j");
            try {
                wait(Math.max(1, Math.min(POLL_MILLIS, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TrainingException("interrupted while waiting for Neo4j");
            }
        }
        return current;
    }
}
