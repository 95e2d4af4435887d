package io.merx.runtime.cluster;

import java.time.Instant;
import java.util.Objects;

import io.merx.api.runtime.JobState;

/**
 * A training job as every node sees it.
 *
 * @param id the job's id, unique in the cluster
 * @param model the model it trains
 * @param kind the kind it trains with
 * @param node the node running it
 * @param state where it is
 * @param message why it failed or was cancelled, or null
 * @param version the version it produced, or null
 * @param startedAt when it started
 * @param finishedAt when it finished, or null while it runs
 */
public record SharedJob(String id, String model, String kind, String node, JobState state, String message,
        String version, Instant startedAt, Instant finishedAt) {

    /** Checks the required fields. */
    public SharedJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
