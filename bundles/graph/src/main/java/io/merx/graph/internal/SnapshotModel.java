package io.merx.graph.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.merx.api.InputSchema;
import io.merx.api.Provenance;
import io.merx.api.ScoreRequest;
import io.merx.api.TrainedModel;

/**
 * A trained graph model: a snapshot of statistics read from Neo4j, saved by a kind-specific writer. Scoring
 * from the snapshot keeps working while Neo4j is down. Holds native memory only when {@code onClose} frees some.
 */
final class SnapshotModel implements TrainedModel {

    /** Writes the snapshot files. */
    interface Writer {
        void write(Path directory) throws IOException;
    }

    private final Provenance provenance;
    private final InputSchema schema;
    private final List<ScoreRequest> warmup;
    private final Writer writer;
    private final Runnable onClose;
    private boolean closed;

    SnapshotModel(Provenance provenance, InputSchema schema, List<ScoreRequest> warmup, Writer writer,
            Runnable onClose) {
        this.provenance = provenance;
        this.schema = schema;
        this.warmup = List.copyOf(warmup);
        this.writer = writer;
        this.onClose = onClose;
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public InputSchema inputSchema() {
        return schema;
    }

    @Override
    public List<ScoreRequest> warmupSamples() {
        return warmup;
    }

    @Override
    public synchronized void save(Path directory) throws IOException {
        if (closed) {
            throw new IllegalStateException("model is closed");
        }
        writer.write(directory);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            onClose.run();
        }
    }
}
