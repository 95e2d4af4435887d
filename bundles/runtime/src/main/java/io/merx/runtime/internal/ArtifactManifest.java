package io.merx.runtime.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.merx.api.InputSchema;
import io.merx.api.Provenance;
import io.merx.api.ScoreRequest;

/**
 * What the runtime stores next to a kind's files as {@code manifest.json}: identity, the kind versions that
 * can load it, provenance, input schema, warm-up samples and the SHA-256 of every file.
 *
 * @param kindRange OSGi version range of kinds that can load it, e.g. {@code [1.0,2)}
 * @param files file path (relative, '/'-separated) to lower-case hex SHA-256
 */
record ArtifactManifest(String name, String version, String kind, String kindRange, Instant createdAt,
        Provenance provenance, InputSchema inputSchema, List<ScoreRequest> warmup, Map<String, String> files) {

    static final String FILE_NAME = "manifest.json";
    static final int FORMAT = 1;

    ArtifactManifest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(kindRange, "kindRange");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(inputSchema, "inputSchema");
        warmup = List.copyOf(warmup);
        files = Map.copyOf(files);
    }

    /** The same artifact stored under another name and version. */
    ArtifactManifest renamed(String newName, String newVersion) {
        return new ArtifactManifest(newName, newVersion, kind, kindRange, createdAt, provenance, inputSchema, warmup,
                files);
    }

    /** The range of kind versions that share a major version with, and are not older than, this one. */
    static String rangeFor(String kindVersion) {
        org.osgi.framework.Version v = org.osgi.framework.Version.parseVersion(kindVersion);
        return "[" + v.getMajor() + "." + v.getMinor() + "," + (v.getMajor() + 1) + ")";
    }
}
