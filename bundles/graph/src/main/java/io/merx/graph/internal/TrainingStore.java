package io.merx.graph.internal;

import java.time.Duration;

import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;
import io.merx.graph.GraphStore;

/**
 * The {@link GraphStore} a graph kind trains with: present while Neo4j answers, absent while it is down or still
 * starting. Only training needs it (scoring reads the model's snapshot), so the kinds register without it and
 * serve their models whatever the database does; a training job waits a while for it, since the embedded server
 * takes a minute or more to start, then fails saying that Neo4j is not reachable.
 */
final class TrainingStore {

    /** As long as the embedded server may take to start (its default {@code embeddedStartSeconds}). */
    static final Duration DEFAULT_WAIT = Duration.ofMinutes(3);
    private static final long POLL_MILLIS = 250;

    private Duration wait;
    private GraphStore current;

    TrainingStore(Duration wait) {
        this.wait = wait;
    }

    /** How long a training job waits for Neo4j from now on; tests shorten it. */
    synchronized void waitAtMost(Duration wait) {
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

    /**
     * The store, waiting for it if Neo4j is not connected yet; the wait ends early when the job is cancelled.
     *
     * @throws TrainingException when Neo4j does not answer within the wait, or the job is cancelled meanwhile
     */
    synchronized GraphStore await(String kind, TrainingContext context) throws TrainingException {
        long deadline = System.nanoTime() + wait.toNanos();
        boolean told = false;
        while (current == null) {
            if (context.isCancelled()) {
                throw new TrainingException("cancelled while waiting for Neo4j");
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TrainingException("training " + kind + " needs Neo4j, which has not been reachable for "
                        + wait.toSeconds() + " s; check the io.merx.graph configuration and the log. Graph models already"
                        + " trained keep serving from their snapshots.");
            }
            if (!told) {
                context.progress(0, "waiting for Neo4j");
                told = true;
            }
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
