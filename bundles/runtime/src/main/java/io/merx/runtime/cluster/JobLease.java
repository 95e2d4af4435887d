package io.merx.runtime.cluster;

import java.time.Instant;
import java.util.Objects;

/**
 * The right to train one model, held by one node until it releases it or it expires. A node that dies mid-job
 * stops renewing, so another node can take the lease once {@code expiresAt} has passed.
 *
 * @param model the model being trained
 * @param node the node holding the lease
 * @param token identifies this holding; renewing or releasing with a stale token fails
 * @param expiresAt when the lease lapses unless renewed
 */
public record JobLease(String model, String node, String token, Instant expiresAt) {

    /** Checks the fields. */
    public JobLease {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
