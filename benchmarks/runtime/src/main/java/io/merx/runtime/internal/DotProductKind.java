package io.merx.runtime.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.merx.api.Dataset;
import io.merx.api.FieldSpec;
import io.merx.api.HyperParameters;
import io.merx.api.InputSchema;
import io.merx.api.ModelKind;
import io.merx.api.ModelLoadException;
import io.merx.api.ParameterSpec;
import io.merx.api.Provenance;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.ScoringException;
import io.merx.api.TrainedModel;
import io.merx.api.Trainer;

/**
 * A deliberately cheap kind (a dot product with per-feature means as weights) so that the benchmark measures
 * the runtime's own cost rather than the model's.
 */
final class DotProductKind implements ModelKind {

    static final String NAME = "bench.dot";
    static final int SIZE = 8;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public Trainer newTrainer(HyperParameters hp) {
        return new Trainer() {
            @Override
            public HyperParameters hyperParameters() {
                return hp;
            }

            @Override
            public TrainedModel train(Dataset data, io.merx.api.TrainingContext context) {
                double[] weights = new double[SIZE];
                for (int j = 0; j < SIZE; j++) {
                    weights[j] = Arrays.stream(data.numbers("x" + j)).average().orElse(0);
                }
                Provenance provenance = Provenance.now(DotProductKind.this, hp, data, Map.of("rows", (double) data.rowCount()));
                return new Model(weights, provenance);
            }
        };
    }

    @Override
    public Scorer load(Path dir) throws ModelLoadException {
        try {
            double[] weights = Arrays.stream(Files.readString(dir.resolve("weights.txt")).trim().split(","))
                    .mapToDouble(Double::parseDouble).toArray();
            return new DotScorer(weights);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("cannot read weights: " + e.getMessage(), e);
        }
    }

    static InputSchema schema() {
        return InputSchema.of(FieldSpec.vector("x", SIZE, "features"));
    }

    static ScoreRequest request(long i) {
        double[] x = new double[SIZE];
        for (int j = 0; j < SIZE; j++) {
            x[j] = (i + j) % 10;
        }
        return new ScoreRequest("user-" + (i % 1000), Map.of("x", x));
    }

    private record Model(double[] weights, Provenance provenance) implements TrainedModel {
        @Override
        public InputSchema inputSchema() {
            return schema();
        }

        @Override
        public List<ScoreRequest> warmupSamples() {
            return List.of(request(0));
        }

        @Override
        public void save(Path directory) throws IOException {
            Files.writeString(directory.resolve("weights.txt"),
                    String.join(",", Arrays.stream(weights).mapToObj(Double::toString).toList()));
        }

        @Override
        public void close() {
            // heap only
        }
    }

    static final class DotScorer implements Scorer {
        private final double[] weights;

        DotScorer(double[] weights) {
            this.weights = weights;
        }

        @Override
        public InputSchema inputSchema() {
            return schema();
        }

        @Override
        public ScoreResult score(ScoreRequest request) throws ScoringException {
            double[] x = request.vector("x");
            double sum = 0;
            for (int j = 0; j < weights.length; j++) {
                sum += weights[j] * x[j];
            }
            return ScoreResult.builder().put("score", sum).build();
        }

        @Override
        public void close() {
            // heap only
        }
    }
}
