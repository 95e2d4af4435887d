package io.merx.events.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Merx Events",
        description = "Where behaviour events are stored, how durably, how long they are kept and how they are"
                + " attributed to score responses. Changing a value restarts the component, which reads the log"
                + " again; see docs/events.md.")
@interface EventsConfig {

    @AttributeDefinition(name = "Log directory",
            description = "Directory of the event log's segment files. Empty means ${karaf.data}/merx/events.")
    String directory() default "";

    @AttributeDefinition(name = "Segment size (bytes)",
            description = "A new segment file starts when the next record would make the current one larger.")
    long segmentBytes() default EventsSettings.DEFAULT_SEGMENT_BYTES;

    @AttributeDefinition(name = "Total size (bytes)",
            description = "Oldest segments are deleted while all segments together are larger than this.")
    long maxTotalBytes() default EventsSettings.DEFAULT_MAX_TOTAL_BYTES;

    @AttributeDefinition(name = "Fsync policy",
            description = "batch: every accepted batch is forced to disk before POST /api/v1/events answers 2xx"
                    + " (survives a power cut); none: written to the operating system only (survives a killed"
                    + " process, not a power cut).",
            options = {
                @org.osgi.service.metatype.annotations.Option(label = "batch", value = "batch"),
                @org.osgi.service.metatype.annotations.Option(label = "none", value = "none")})
    String fsync() default "batch";

    @AttributeDefinition(name = "Deduplication ids",
            description = "How many of the newest event ids are remembered to recognise a re-sent event.")
    int maxDedupIds() default EventsSettings.DEFAULT_MAX_DEDUP_IDS;

    @AttributeDefinition(name = "Attribution window (seconds)",
            description = "How long after a score response an event is attributed to it.")
    long attributionWindowSeconds() default EventsSettings.DEFAULT_ATTRIBUTION_WINDOW_SECONDS;

    @AttributeDefinition(name = "Remembered responses",
            description = "The most score responses remembered for attribution; the oldest are forgotten first.")
    int maxRecentResponses() default EventsSettings.DEFAULT_MAX_RECENT_RESPONSES;

    @AttributeDefinition(name = "Impression queue",
            description = "Served responses waiting to be written to the log; when full, further ones are"
                    + " counted but not written (and so missing from the metrics after a restart).")
    int impressionQueueSize() default EventsSettings.DEFAULT_IMPRESSION_QUEUE_SIZE;
}
