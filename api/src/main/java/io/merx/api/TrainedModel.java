package io.merx.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The immutable result of a training run: parameters, metrics and provenance, ready to be saved to the model
 * store. Closing it frees native memory it holds; the saved files do not depend on it.
 */
@ConsumerType
public interface TrainedModel extends AutoCloseable {

    /** Where this model came from and how good it was on held-out data. */
    Provenance provenance();

    /** The inputs a scorer of this model accepts. */
    InputSchema inputSchema();

    /**
     * Representative requests that the runtime scores after loading and before switching traffic to a new
     * version, so a broken artifact never serves and the first real request meets a warm scorer.
     */
    List<ScoreRequest> warmupSamples();

    /**
     * Writes everything {@link ModelKind#load} needs into an empty directory. The runtime adds its own manifest
     * and checksums next to these files; a kind must not depend on anything else being present.
     */
    void save(Path directory) throws IOException;

    /** Frees native memory. Idempotent. */
    @Override
    void close();
}
