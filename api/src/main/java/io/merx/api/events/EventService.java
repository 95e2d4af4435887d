package io.merx.api.events;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Stores behaviour events durably, deduplicated by id, attributes them to the score responses that led to
 * them and keeps online metrics per model version. Registered by the {@code merx-events} bundle; its clients
 * (REST, shell) reference it optionally.
 *
 * <pre>{@code
 * eventService.served(new Impression(requestId, "recs", "3", "live", "u1", List.of("p1", "p2"), Instant.now()));
 * IngestResult r = eventService.ingest(List.of(Event.of("ev-1", "click", "u1", "p2", null,
 *         "2026-03-01T12:00:00Z", requestId, null)));
 * List<VersionMetrics> m = eventService.metrics("recs");
 * }</pre>
 *
 * @since 1.0
 */
@ProviderType
public interface EventService {

    /**
     * Stores the events that are new, all or none: when this returns they are on disk as the configured fsync
     * policy promises, and counted; events whose id was seen before count as duplicates.
     *
     * @throws IOException when they could not be stored; then none is counted, and sending them again is safe
     */
    IngestResult ingest(List<Event> events) throws IOException;

    /**
     * Remembers a served score response for attribution and counts its impression. Never blocks on disk: called
     * on the scoring path.
     */
    void served(Impression impression);

    /** The metrics of every version and route of a model that has any, ordered by version and route. */
    List<VersionMetrics> metrics(String model);

    /** The metrics of every model. */
    List<VersionMetrics> metrics();

    /**
     * Writes the stored events of the given types as a training data set, CSV with the header
     * {@code user,item,weight,timestamp,value} (weight 1 per event, value the event's value: a purchase's revenue),
     * oldest first; events without an item are left out. The recommendation kinds train on it as it is; the customer
     * kinds with the columns {@code user}, {@code timestamp} and {@code value}. (The {@code value} column is new in
     * 1.1.)
     *
     * @return the number of rows written
     */
    long exportCsv(Set<EventType> types, Writer out) throws IOException;

    /**
     * One user's latest stored events of the given types, newest first, at most {@code limit}: what a shopper did,
     * for an operator's view beside the model's answer. Reads the whole log, so it is for people, not the scoring
     * path.
     *
     * @throws IllegalArgumentException naming the parameter when the user is blank or the limit is not positive
     * @since 1.2
     */
    List<Event> history(String user, Set<EventType> types, int limit) throws IOException;
}
