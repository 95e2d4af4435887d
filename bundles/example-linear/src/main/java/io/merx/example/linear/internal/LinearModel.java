package io.merx.example.linear.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.merx.api.InputSchema;
import io.merx.api.Provenance;
import io.merx.api.ScoreRequest;
import io.merx.api.TrainedModel;

/** A freshly trained linear model, before it is saved to the store. */
final class LinearModel implements TrainedModel {

    private final LinearParameters params;
    private final Provenance provenance;
    private final List<ScoreRequest> warmup;

    LinearModel(LinearParameters params, Provenance provenance, List<ScoreRequest> warmup) {
        this.params = params;
        this.provenance = provenance;
        this.warmup = List.copyOf(warmup);
    }

    LinearParameters parameters() {
        return params;
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public InputSchema inputSchema() {
        return LinearScorer.schema(params);
    }

    @Override
    public List<ScoreRequest> warmupSamples() {
        return warmup;
    }

    @Override
    public void save(Path directory) throws IOException {
        LinearModelFiles.write(params, directory);
    }

    @Override
    public void close() {
        params.close();
    }
}
