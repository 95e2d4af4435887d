package io.merx.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The immutable result of a training run: parameters, metrics and provenance, ready to be saved to the model
 * store. Closing it frees native memory it holds; the saved files do not depend on it.
 *
 * <p>Most trainers need no class of their own for this: {@link #of} wraps what they produced.
 *
 * <pre>{@code
 * LinearParameters params = fit(data);
 * return TrainedModel.of(Provenance.now(kind, hp, data, metrics), LinearScorer.schema(params), warmup,
 *         dir -> LinearModelFiles.write(params, dir), params::close);
 * }</pre>
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

    /**
     * A trained model that holds only heap data: closing it frees nothing.
     *
     * @param provenance where the model came from, with its held-out metrics
     * @param inputSchema the inputs a scorer of this model accepts
     * @param warmupSamples requests the runtime scores before the model serves; copied
     * @param saver writes the model's files into an empty directory
     * @return a model whose {@link #save} calls {@code saver} until it is closed
     * @since 1.1
     */
    static TrainedModel of(Provenance provenance, InputSchema inputSchema, List<ScoreRequest> warmupSamples,
            Saver saver) {
        return of(provenance, inputSchema, warmupSamples, saver, () -> { });
    }

    /**
     * A trained model that frees what it holds (native memory, typically) when closed. {@code onClose} runs
     * once, however often the model is closed; {@link #save} after close is refused.
     *
     * @param provenance where the model came from, with its held-out metrics
     * @param inputSchema the inputs a scorer of this model accepts
     * @param warmupSamples requests the runtime scores before the model serves; copied
     * @param saver writes the model's files into an empty directory
     * @param onClose frees what the model holds
     * @return a model whose {@link #save} calls {@code saver} until it is closed
     * @since 1.1
     */
    static TrainedModel of(Provenance provenance, InputSchema inputSchema, List<ScoreRequest> warmupSamples,
            Saver saver, Runnable onClose) {
        return new SavedByFunction(provenance, inputSchema, warmupSamples, saver, onClose);
    }

    /**
     * Writes a trained model's files, as {@link TrainedModel#save} does.
     *
     * @since 1.1
     */
    @FunctionalInterface
    interface Saver {

        /**
         * Writes everything {@link ModelKind#load} needs into an empty directory.
         *
         * @param directory where to write
         * @throws IOException if a file cannot be written
         */
        void save(Path directory) throws IOException;
    }
}
