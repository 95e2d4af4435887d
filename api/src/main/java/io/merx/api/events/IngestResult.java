package io.merx.api.events;

/**
 * What became of a batch of events.
 *
 * @param accepted events stored now
 * @param duplicates events whose id was seen before (in this batch or earlier) and so not stored again
 * @param attributed of the accepted events, those attributed to a score response
 * @since 1.0
 */
public record IngestResult(int accepted, int duplicates, int attributed) {
}
