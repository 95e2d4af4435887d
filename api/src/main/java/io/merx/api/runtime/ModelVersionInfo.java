package io.merx.api.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.merx.api.InputSchema;
import io.merx.api.Provenance;

/**
 * Everything known about one stored model version.
 *
 * @param model the model name
 * @param version the version, a positive integer as a string
 * @param kind the kind's name
 * @param kindRange the kind versions that can load it, e.g. {@code [1.0,2)}
 * @param state where it is in its life cycle
 * @param failureReason why it FAILED, otherwise null
 * @param aliases the aliases pointing at it, e.g. {@code [live]}; {@code canary} and {@code shadow} included
 * @param createdAt when it was written to the store
 * @param provenance how it was trained; null when the manifest could not be read
 * @param inputSchema what its scorer accepts; null when the manifest could not be read
 * @param nativeMemoryBytes off-heap bytes its loaded scorer holds, 0 when not loaded
 * @param stats its traffic figures
 */
public record ModelVersionInfo(String model, String version, String kind, String kindRange, VersionState state,
        String failureReason, List<String> aliases, Instant createdAt, Provenance provenance,
        InputSchema inputSchema, long nativeMemoryBytes, VersionStats stats) {

    /** Copies the aliases. */
    public ModelVersionInfo {
        aliases = List.copyOf(aliases);
    }

    /** Evaluation metrics from the provenance, empty when unknown. */
    public Map<String, Double> metrics() {
        return provenance == null ? Map.of() : provenance.metrics();
    }
}
