package io.merx.nlp.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.merx.api.InputSchema;
import io.merx.api.Provenance;
import io.merx.api.ScoreRequest;
import io.merx.api.TrainedModel;

/** A freshly trained assistant, before it is saved. Holds no native memory: the weights are Java arrays. */
final class AssistantModel implements TrainedModel {

    private final Assistant assistant;
    private final Provenance provenance;
    private final List<ScoreRequest> warmup;

    AssistantModel(Assistant assistant, Provenance provenance, List<ScoreRequest> warmup) {
        this.assistant = assistant;
        this.provenance = provenance;
        this.warmup = List.copyOf(warmup);
    }

    Assistant assistant() {
        return assistant;
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public InputSchema inputSchema() {
        return AssistantScorer.SCHEMA;
    }

    @Override
    public List<ScoreRequest> warmupSamples() {
        return warmup;
    }

    @Override
    public void save(Path directory) throws IOException {
        AssistantFiles.write(assistant, directory);
    }

    @Override
    public void close() {
        // nothing native to free
    }
}
