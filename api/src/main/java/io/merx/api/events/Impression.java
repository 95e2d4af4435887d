package io.merx.api.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A score response that was served: who got which answer from which version, so later events can be
 * attributed to it.
 *
 * @param requestId the response's unique id, also sent to the client
 * @param model the model name
 * @param version the version that answered
 * @param route how that version was chosen: {@code live} (or another alias), {@code canary} or {@code pinned}
 * @param user the request's routing key (a user id), or null
 * @param items the item ids of the answer's {@code items} list, in order; empty when it has none
 * @param servedAt when it was served, by the server's clock
 * @since 1.0
 */
public record Impression(String requestId, String model, String version, String route, String user,
        List<String> items, Instant servedAt) {

    /** Checks that the identifying parts are present; copies the items. */
    public Impression {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(route, "route");
        items = items == null ? List.of() : List.copyOf(items);
        Objects.requireNonNull(servedAt, "servedAt");
    }
}
