package io.merx.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The {@link TrainedModel} behind {@link TrainedModel#of}: fixed provenance, schema and warm-up samples, files
 * written by a function. Its invariant: once closed, {@code onClose} has run exactly once and nothing saves.
 */
final class SavedByFunction implements TrainedModel {

    private final Provenance provenance;
    private final InputSchema inputSchema;
    private final List<ScoreRequest> warmupSamples;
    private final TrainedModel.Saver saver;
    private final Runnable onClose;
    private boolean closed;

    SavedByFunction(Provenance provenance, InputSchema inputSchema, List<ScoreRequest> warmupSamples,
            TrainedModel.Saver saver, Runnable onClose) {
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        this.inputSchema = Objects.requireNonNull(inputSchema, "inputSchema");
        this.warmupSamples = List.copyOf(warmupSamples);
        this.saver = Objects.requireNonNull(saver, "saver");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public InputSchema inputSchema() {
        return inputSchema;
    }

    @Override
    public List<ScoreRequest> warmupSamples() {
        return warmupSamples;
    }

    @Override
    public synchronized void save(Path directory) throws IOException {
        if (closed) {
            throw new IllegalStateException("the trained model is closed; save it before closing it");
        }
        saver.save(directory);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            onClose.run();
        }
    }

    @Override
    public String toString() {
        return "TrainedModel[" + provenance.kind() + " " + provenance.kindVersion() + ", metrics "
                + provenance.metrics() + "]";
    }
}
