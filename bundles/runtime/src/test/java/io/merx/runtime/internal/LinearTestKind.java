package io.merx.runtime.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

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
import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;

/**
 * A real, small kind for tests: least-squares linear regression by gradient descent on every numeric column
 * except the target, saved as a text file. Records the scorers it loads so tests can check they get closed.
 */
final class LinearTestKind implements ModelKind {

    static final String NAME = "test.linear";
    static final String FILE = "weights.txt";
    private static final String HEADER = "merx-test-linear 1";

    private final String version;
    final List<LinearScorer> loaded = Collections.synchronizedList(new ArrayList<>());

    LinearTestKind(String version) {
        this.version = version;
    }

    LinearTestKind() {
        this("1.0.0");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.integer("epochs", 3000, 1, 100_000, "gradient descent passes"),
                ParameterSpec.real("learningRate", 0.5, 1e-6, 1, "step size"),
                ParameterSpec.text("target", "y", "column to predict"),
                ParameterSpec.integer("sleepMillis", 0, 0, 1000, "pause per epoch, to test cancellation"),
                ParameterSpec.bool("brokenWarmup", false, "write a warm-up sample of the wrong shape"));
    }

    @Override
    public Trainer newTrainer(HyperParameters hp) {
        return new Trainer() {
            @Override
            public HyperParameters hyperParameters() {
                return hp;
            }

            @Override
            public TrainedModel train(Dataset data, TrainingContext context) throws TrainingException {
                return fit(hp, data, context);
            }
        };
    }

    private Model fit(HyperParameters hp, Dataset data, TrainingContext context) throws TrainingException {
        String target = hp.getString("target");
        double[] y = data.numbers(target);
        List<String> features = data.columnNames().stream().filter(c -> !c.equals(target) && data.isNumeric(c))
                .toList();
        int n = data.rowCount();
        int d = features.size();
        double[] w = new double[d + 1];
        int epochs = hp.getInt("epochs");
        for (int epoch = 1; epoch <= epochs; epoch++) {
            if (context.isCancelled()) {
                throw new TrainingException("cancelled at epoch " + epoch);
            }
            double[] gradient = new double[d + 1];
            for (int i = 0; i < n; i++) {
                double error = predict(w, row(data, features, i)) - y[i];
                gradient[0] += error;
                for (int j = 0; j < d; j++) {
                    gradient[j + 1] += error * data.numbers(features.get(j))[i];
                }
            }
            for (int j = 0; j <= d; j++) {
                w[j] -= hp.getDouble("learningRate") * gradient[j] / n;
            }
            context.progress((double) epoch / epochs, "epoch " + epoch + "/" + epochs);
            sleep(hp.getInt("sleepMillis"));
        }
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double error = predict(w, row(data, features, i)) - y[i];
            squares += error * error;
        }
        ScoreRequest sample = ScoreRequest.of(Map.of("x", hp.getBoolean("brokenWarmup") ? new double[d + 1]
                : row(data, features, 0)));
        return new Model(w, Provenance.now(this, hp, data, Map.of("rmse", Math.sqrt(squares / n))), List.of(sample));
    }

    private static void sleep(int millis) throws TrainingException {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TrainingException("interrupted");
            }
        }
    }

    private static double[] row(Dataset data, List<String> features, int i) {
        double[] x = new double[features.size()];
        for (int j = 0; j < x.length; j++) {
            x[j] = data.numbers(features.get(j))[i];
        }
        return x;
    }

    static double predict(double[] w, double[] x) {
        double sum = w[0];
        for (int j = 0; j < x.length; j++) {
            sum += w[j + 1] * x[j];
        }
        return sum;
    }

    static InputSchema schema(int features) {
        return InputSchema.of(FieldSpec.vector("x", features, "feature values"));
    }

    @Override
    public Scorer load(Path dir) throws ModelLoadException {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(FILE), StandardCharsets.UTF_8);
            if (lines.size() != 2 || !lines.get(0).equals(HEADER)) {
                throw new ModelLoadException("not a " + HEADER + " file");
            }
            String[] parts = lines.get(1).trim().split(" ");
            double[] w = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                w[i] = Double.parseDouble(parts[i]);
            }
            LinearScorer scorer = new LinearScorer(w);
            loaded.add(scorer);
            return scorer;
        } catch (IOException | NumberFormatException e) {
            throw new ModelLoadException("cannot read " + FILE + ": " + e.getMessage(), e);
        }
    }

    private record Model(double[] w, Provenance provenance, List<ScoreRequest> warmupSamples)
            implements TrainedModel {

        @Override
        public InputSchema inputSchema() {
            return schema(w.length - 1);
        }

        @Override
        public void save(Path directory) throws IOException {
            StringBuilder line = new StringBuilder();
            for (double v : w) {
                line.append(line.length() == 0 ? "" : " ").append(v);
            }
            Files.writeString(directory.resolve(FILE), HEADER + "\n" + line + "\n");
        }

        @Override
        public void close() {
            // heap only
        }
    }

    static final class LinearScorer implements Scorer {
        private final double[] w;
        private final AtomicBoolean closed = new AtomicBoolean();

        LinearScorer(double[] w) {
            this.w = w;
        }

        @Override
        public InputSchema inputSchema() {
            return schema(w.length - 1);
        }

        @Override
        public ScoreResult score(ScoreRequest request) throws ScoringException {
            if (closed.get()) {
                throw new ScoringException("scorer is closed");
            }
            return ScoreResult.builder().put("score", predict(w, request.vector("x"))).build();
        }

        boolean isClosed() {
            return closed.get();
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }
}
