package io.merx.events.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** The configuration as checked plain values; every default is one constant here. */
record EventsSettings(Path directory, long segmentBytes, long maxTotalBytes, boolean fsyncPerBatch,
        int maxDedupIds, Duration attributionWindow, int maxRecentResponses, int impressionQueueSize) {

    static final String PID = "io.merx.events";
    static final long DEFAULT_SEGMENT_BYTES = 64L << 20;
    static final long DEFAULT_MAX_TOTAL_BYTES = 1L << 30;
    static final int DEFAULT_MAX_DEDUP_IDS = 1_000_000;
    static final long DEFAULT_ATTRIBUTION_WINDOW_SECONDS = 30 * 60;
    static final int DEFAULT_MAX_RECENT_RESPONSES = 200_000;
    static final int DEFAULT_IMPRESSION_QUEUE_SIZE = 10_000;

    EventsSettings {
        if (segmentBytes < 4096) {
            throw new IllegalArgumentException("segmentBytes must be at least 4096, got " + segmentBytes);
        }
        if (maxTotalBytes < segmentBytes) {
            throw new IllegalArgumentException("maxTotalBytes must be at least segmentBytes (" + segmentBytes
                    + "), got " + maxTotalBytes);
        }
        if (maxDedupIds < 1 || maxRecentResponses < 1 || impressionQueueSize < 1) {
            throw new IllegalArgumentException("maxDedupIds, maxRecentResponses and impressionQueueSize must be"
                    + " at least 1");
        }
        if (attributionWindow.isNegative() || attributionWindow.isZero()) {
            throw new IllegalArgumentException("attributionWindowSeconds must be positive, got "
                    + attributionWindow.toSeconds());
        }
    }

    /** Defaults, with the log in {@code directory}. */
    static EventsSettings defaults(Path directory) {
        return new EventsSettings(directory, DEFAULT_SEGMENT_BYTES, DEFAULT_MAX_TOTAL_BYTES, true,
                DEFAULT_MAX_DEDUP_IDS, Duration.ofSeconds(DEFAULT_ATTRIBUTION_WINDOW_SECONDS),
                DEFAULT_MAX_RECENT_RESPONSES, DEFAULT_IMPRESSION_QUEUE_SIZE);
    }

    static EventsSettings from(EventsConfig config) {
        String fsync = config.fsync().trim().toLowerCase(Locale.ROOT);
        if (!fsync.equals("batch") && !fsync.equals("none")) {
            throw new IllegalArgumentException("fsync must be batch or none, got '" + config.fsync() + "'");
        }
        Path directory = config.directory().isBlank() ? karafData().resolve("merx").resolve("events")
                : Path.of(config.directory().trim());
        return new EventsSettings(directory, config.segmentBytes(), config.maxTotalBytes(), fsync.equals("batch"),
                config.maxDedupIds(), Duration.ofSeconds(config.attributionWindowSeconds()),
                config.maxRecentResponses(), config.impressionQueueSize());
    }

    private static Path karafData() {
        String data = System.getProperty("karaf.data");
        return data == null ? Path.of("data") : Path.of(data);
    }
}
