package io.merx.recommendation.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.merx.api.InputSchema;
import io.merx.api.Provenance;
import io.merx.api.ScoreRequest;
import io.merx.api.TrainedModel;

/** A freshly trained recommendation model (ALS or popularity), before it is saved to the store. */
final class RecommendationModel implements TrainedModel {

    private final String kind;
    private final ModelData data;
    private final Provenance provenance;
    private final List<ScoreRequest> warmup;

    RecommendationModel(String kind, ModelData data, Provenance provenance, List<ScoreRequest> warmup) {
        this.kind = kind;
        this.data = data;
        this.provenance = provenance;
        this.warmup = List.copyOf(warmup);
    }

    ModelData data() {
        return data;
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public InputSchema inputSchema() {
        return RecommendRequest.SCHEMA;
    }

    @Override
    public List<ScoreRequest> warmupSamples() {
        return warmup;
    }

    @Override
    public void save(Path directory) throws IOException {
        ModelFiles.write(data, kind, directory);
    }

    /** Holds no native memory: factors live on the heap (see {@link Ranker}). */
    @Override
    public void close() {
        // nothing to free
    }
}
