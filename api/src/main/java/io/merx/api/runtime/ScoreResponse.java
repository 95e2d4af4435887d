package io.merx.api.runtime;

import java.util.Objects;

import io.merx.api.ScoreResult;

/**
 * The result of scoring through the runtime, with the version that produced it.
 *
 * @param model the model name
 * @param version the version that scored the request
 * @param route how the version was chosen: an alias such as {@code live}, {@code canary}, or {@code pinned}
 * @param result the scorer's outputs
 */
public record ScoreResponse(String model, String version, String route, ScoreResult result) {

    /** Route of a request that named a version explicitly. */
    public static final String ROUTE_PINNED = "pinned";

    /** Route of a request that the canary split sent to the canary version. */
    public static final String ROUTE_CANARY = "canary";

    /** Checks that every part is present. */
    public ScoreResponse {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(result, "result");
    }
}
