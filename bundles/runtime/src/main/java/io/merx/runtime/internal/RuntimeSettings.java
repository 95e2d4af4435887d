package io.merx.runtime.internal;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;

/**
 * The runtime's settings as plain values, so tests build them without OSGi configuration.
 *
 * @param storeDirectory root of the model store
 * @param maxImportBytes largest import archive and expanded size
 * @param maxConcurrentImportBytes most that all imports in progress may expand to together
 * @param shadowThreads threads for shadow scoring
 * @param shadowQueueSize queued shadow requests before dropping
 * @param kindGraceMillis how long versions keep serving with a kind that went away, waiting for its
 *        replacement (a bundle update unregisters the old kind before the new one registers)
 * @param demoModels whether kinds that bring demo data get a trained, live demo model when none exists
 * @param trustedKeys public keys of trusted artifact publishers, by publisher name
 * @param requireSigned whether imports must be signed by one of them
 */
record RuntimeSettings(Path storeDirectory, long maxImportBytes, long maxConcurrentImportBytes, int shadowThreads,
        int shadowQueueSize, long kindGraceMillis, boolean demoModels, Map<String, PublicKey> trustedKeys,
        boolean requireSigned) {

    static final String PID = "io.merx.runtime";
    // The one place defaults live: RuntimeConfig's metatype defaults name these constants, and defaults() uses them.
    static final long DEFAULT_MAX_IMPORT_BYTES = 1L << 30;
    static final long DEFAULT_MAX_CONCURRENT_IMPORT_BYTES = 2L << 30;
    static final int DEFAULT_SHADOW_THREADS = 1;
    static final int DEFAULT_SHADOW_QUEUE_SIZE = 1000;
    static final long DEFAULT_KIND_GRACE_MILLIS = 10_000;
    static final boolean DEFAULT_DEMO_MODELS = true;

    RuntimeSettings {
        if (maxImportBytes <= 0 || maxConcurrentImportBytes <= 0 || shadowThreads <= 0 || shadowQueueSize <= 0) {
            throw new IllegalArgumentException("maxImportBytes, maxConcurrentImportBytes, shadowThreads and"
                    + " shadowQueueSize must be positive");
        }
        trustedKeys = Map.copyOf(trustedKeys);
        if (requireSigned && trustedKeys.isEmpty()) {
            throw new IllegalArgumentException("requireSignedArtifacts needs at least one trustedPublisherKeys entry");
        }
        if (kindGraceMillis < 0) {
            throw new IllegalArgumentException("kindGracePeriodMillis must not be negative, got " + kindGraceMillis);
        }
    }

    /** What an unconfigured server runs with, on the given store. */
    static RuntimeSettings defaults(Path storeDirectory) {
        return new RuntimeSettings(storeDirectory, DEFAULT_MAX_IMPORT_BYTES, DEFAULT_MAX_CONCURRENT_IMPORT_BYTES,
                DEFAULT_SHADOW_THREADS, DEFAULT_SHADOW_QUEUE_SIZE, DEFAULT_KIND_GRACE_MILLIS, DEFAULT_DEMO_MODELS,
                Map.of(), false);
    }

    static RuntimeSettings from(RuntimeConfig config) {
        return new RuntimeSettings(storeDirectory(config.storeDirectory()), config.maxImportBytes(),
                config.maxConcurrentImportBytes(),
                config.shadowThreads(), config.shadowQueueSize(), config.kindGracePeriodMillis(),
                config.demoModels(), ArtifactSignature.parseKeys(config.trustedPublisherKeys()),
                config.requireSignedArtifacts());
    }

    /** The configured directory, else {@code ${karaf.data}/merx/models}, else {@code ./data/merx/models}. */
    static Path storeDirectory(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.trim());
        }
        return merxData().resolve("models");
    }

    /** {@code ${karaf.data}/merx}, else {@code ./data/merx}. */
    static Path merxData() {
        String data = System.getProperty("karaf.data");
        return Path.of(data == null || data.isBlank() ? "data" : data, "merx");
    }
}
