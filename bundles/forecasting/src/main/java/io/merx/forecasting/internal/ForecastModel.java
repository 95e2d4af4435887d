package io.merx.forecasting.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.merx.api.InputSchema;
import io.merx.api.Provenance;
import io.merx.api.ScoreRequest;
import io.merx.api.TrainedModel;

/** A freshly trained forecasting model, before it is saved. Holds no native memory. */
final class ForecastModel implements TrainedModel {

    private final ForecastModelData data;
    private final Provenance provenance;
    private final List<ScoreRequest> warmup;

    ForecastModel(ForecastModelData data, Provenance provenance, List<ScoreRequest> warmup) {
        this.data = data;
        this.provenance = provenance;
        this.warmup = List.copyOf(warmup);
    }

    ForecastModelData data() {
        return data;
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public InputSchema inputSchema() {
        return ForecastScorer.schema(data.settings().resolvedMaxHorizon());
    }

    @Override
    public List<ScoreRequest> warmupSamples() {
        return warmup;
    }

    @Override
    public void save(Path directory) throws IOException {
        ModelFiles.write(data, directory);
    }

    @Override
    public void close() {
        // nothing native: the MLP's weights were copied out of ND4J when training finished
    }
}
