package io.merx.rest.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The REST layer's settings as plain values, so tests build them without OSGi configuration.
 *
 * @param maxBodyBytes largest JSON body
 * @param maxUploadBytes largest uploaded data set or archive
 * @param maxBatchSize most instances per batch
 * @param maxJsonDepth deepest JSON nesting
 * @param requestTimeout longest a scoring request may take; zero scores on the HTTP thread without a limit
 * @param maxConcurrentPerModel scoring requests in flight per model
 * @param queueWait longest wait for a slot before 429
 * @param retryAfterSeconds Retry-After of 429/503 answers
 * @param realm JAAS realm
 * @param rolePrincipalClasses principal classes that carry roles
 * @param authCache how long a successful login is remembered
 * @param datasetDirectories where training data sets may be read from
 * @param requestTimeouts timeouts that replace {@code requestTimeout} for a model (key: its name) or a kind (key:
 *        {@code kind:<name>}); a model's own entry wins
 */
record RestSettings(long maxBodyBytes, long maxUploadBytes, int maxBatchSize, int maxJsonDepth,
        Duration requestTimeout, int maxConcurrentPerModel, Duration queueWait, int retryAfterSeconds, String realm,
        Set<String> rolePrincipalClasses, Duration authCache, List<Path> datasetDirectories,
        Map<String, Duration> requestTimeouts) {

    static final String PID = "io.merx.rest";
    static final long DEFAULT_MAX_BODY_BYTES = 1L << 20;
    static final long DEFAULT_MAX_UPLOAD_BYTES = 256L << 20;
    static final String KIND_PREFIX = "kind:";
    static final String KARAF_ROLE_PRINCIPAL = "org.apache.karaf.jaas.boot.principal.RolePrincipal";

    RestSettings {
        positive("maxBodyBytes", maxBodyBytes);
        positive("maxUploadBytes", maxUploadBytes);
        positive("maxBatchSize", maxBatchSize);
        positive("maxJsonDepth", maxJsonDepth);
        positive("maxConcurrentPerModel", maxConcurrentPerModel);
        positive("retryAfterSeconds", retryAfterSeconds);
        if (queueWait.isNegative() || authCache.isNegative() || requestTimeout.isNegative()) {
            throw new IllegalArgumentException(
                    "requestTimeoutMillis, queueWaitMillis and authCacheSeconds must not be negative");
        }
        rolePrincipalClasses = Set.copyOf(rolePrincipalClasses);
        datasetDirectories = List.copyOf(datasetDirectories);
        requestTimeouts = Map.copyOf(requestTimeouts);
        if (requestTimeouts.values().stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("requestTimeouts must not be negative");
        }
        if (datasetDirectories.isEmpty()) {
            throw new IllegalArgumentException("datasetDirectories must name at least one directory");
        }
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    static RestSettings defaults(Path datasets) {
        return new RestSettings(DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_UPLOAD_BYTES, 1000, 32, Duration.ofSeconds(10),
                64, Duration.ofMillis(50), 1, "karaf", Set.of(KARAF_ROLE_PRINCIPAL), Duration.ofSeconds(60),
                List.of(datasets), Map.of());
    }

    /** Whether some timeout is set per kind, so callers look up a model's kind only when it matters. */
    boolean hasKindTimeouts() {
        return requestTimeouts.keySet().stream().anyMatch(k -> k.startsWith(KIND_PREFIX));
    }

    /** The timeout of a model of a kind (null when unknown): its own, else its kind's, else the default. */
    Duration requestTimeout(String model, String kind) {
        Duration own = requestTimeouts.get(model);
        if (own != null) {
            return own;
        }
        Duration ofKind = kind == null ? null : requestTimeouts.get(KIND_PREFIX + kind);
        return ofKind != null ? ofKind : requestTimeout;
    }

    /** {@code "<model>=<millis>"} and {@code "kind:<kind>=<millis>"} entries; a .cfg file may list them with commas. */
    static Map<String, Duration> timeouts(String[] values) {
        Map<String, Duration> timeouts = new HashMap<>();
        List<String> entries = new ArrayList<>();
        for (String value : values) {
            if (value != null) {
                entries.addAll(List.of(value.split(",")));
            }
        }
        for (String entry : entries) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            int equals = entry.lastIndexOf('=');
            try {
                if (equals < 1) {
                    throw new NumberFormatException();
                }
                timeouts.put(entry.substring(0, equals).trim(),
                        Duration.ofMillis(Long.parseLong(entry.substring(equals + 1).trim())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("requestTimeouts entry '" + entry + "' is not <model>=<millis>"
                        + " or kind:<kind>=<millis>");
            }
        }
        return timeouts;
    }

    static RestSettings from(RestConfig config) {
        List<Path> directories = new ArrayList<>();
        for (String directory : config.datasetDirectories()) {
            if (directory != null && !directory.isBlank()) {
                directories.add(Path.of(directory.trim()));
            }
        }
        if (directories.isEmpty()) {
            directories.add(karafData().resolve("merx").resolve("datasets"));
        }
        return new RestSettings(config.maxBodyBytes(), config.maxUploadBytes(), config.maxBatchSize(),
                config.maxJsonDepth(), Duration.ofMillis(config.requestTimeoutMillis()),
                config.maxConcurrentPerModel(), Duration.ofMillis(config.queueWaitMillis()),
                config.retryAfterSeconds(), config.realm(), Set.of(config.rolePrincipalClasses()),
                Duration.ofSeconds(config.authCacheSeconds()), directories, timeouts(config.requestTimeouts()));
    }

    /** {@code ${karaf.data}}, else {@code ./data}. */
    static Path karafData() {
        String data = System.getProperty("karaf.data");
        return Path.of(data == null || data.isBlank() ? "data" : data);
    }
}
