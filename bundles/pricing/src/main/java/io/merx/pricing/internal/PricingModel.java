package io.merx.pricing.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.merx.api.InputSchema;
import io.merx.api.Provenance;
import io.merx.api.ScoreRequest;
import io.merx.api.TrainedModel;

/** A freshly fitted demand model, before it is saved. Holds only heap arrays, so closing frees nothing. */
final class PricingModel implements TrainedModel {

    private final DemandModel model;
    private final Provenance provenance;
    private final List<ScoreRequest> warmup;

    PricingModel(DemandModel model, Provenance provenance, List<ScoreRequest> warmup) {
        this.model = model;
        this.provenance = provenance;
        this.warmup = List.copyOf(warmup);
    }

    DemandModel demand() {
        return model;
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public InputSchema inputSchema() {
        return PricingScorer.SCHEMA;
    }

    @Override
    public List<ScoreRequest> warmupSamples() {
        return warmup;
    }

    @Override
    public void save(Path directory) throws IOException {
        PricingFiles.write(model, directory);
    }

    @Override
    public void close() {
        // the estimator freed its ND4J buffers as it went
    }
}
