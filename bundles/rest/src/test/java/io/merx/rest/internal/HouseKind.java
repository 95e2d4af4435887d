package io.merx.rest.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.merx.api.Dataset;
import io.merx.api.FieldSpec;
import io.merx.api.FieldType;
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
 * A real, small kind for the REST tests, after the runtime's linear test kind: least squares by gradient
 * descent on every numeric column except the target, one named number input per feature (like the
 * example.linear kind), saved as text. {@code scoreDelayMillis} makes its scorer slow, to test time limits.
 */
final class HouseKind implements ModelKind {

    static final String NAME = "test.house";
    private static final String HEADER = "merx-test-house 1";
    private static final String FILE = "model.txt";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String description() {
        return "least squares on numeric columns (REST tests)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.integer("epochs", 2000, 1, 100_000, "gradient descent passes"),
                ParameterSpec.real("learningRate", 0.5, 1e-6, 1, "step size"),
                ParameterSpec.text("target", "y", "column to predict"),
                ParameterSpec.integer("scoreDelayMillis", 0, 0, 10_000, "pause per scored request"),
                ParameterSpec.integer("sleepMillis", 0, 0, 1000, "pause per epoch, to watch progress"));
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
        double[] w = new double[features.size() + 1];
        int epochs = hp.getInt("epochs");
        for (int epoch = 1; epoch <= epochs; epoch++) {
            if (context.isCancelled()) {
                throw new TrainingException("cancelled at epoch " + epoch);
            }
            double[] gradient = new double[w.length];
            for (int i = 0; i < n; i++) {
                double error = predict(w, row(data, features, i)) - y[i];
                gradient[0] += error;
                for (int j = 0; j < features.size(); j++) {
                    gradient[j + 1] += error * data.numbers(features.get(j))[i];
                }
            }
            for (int j = 0; j < w.length; j++) {
                w[j] -= hp.getDouble("learningRate") * gradient[j] / n;
            }
            context.progress((double) epoch / epochs, "epoch " + epoch + "/" + epochs);
            if (hp.getInt("sleepMillis") > 0) {
                try {
                    Thread.sleep(hp.getInt("sleepMillis"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TrainingException("interrupted");
                }
            }
        }
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double error = predict(w, row(data, features, i)) - y[i];
            squares += error * error;
        }
        Map<String, Object> sample = new LinkedHashMap<>();
        double[] first = row(data, features, 0);
        for (int j = 0; j < features.size(); j++) {
            sample.put(features.get(j), first[j]);
        }
        return new Model(features, w, hp.getInt("scoreDelayMillis"),
                Provenance.now(this, hp, data, Map.of("rmse", Math.sqrt(squares / n))),
                List.of(ScoreRequest.of(sample)));
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

    static InputSchema schema(List<String> features) {
        List<FieldSpec> fields = new ArrayList<>();
        for (String feature : features) {
            fields.add(FieldSpec.required(feature, FieldType.NUMBER, "feature " + feature));
        }
        return new InputSchema(fields, false);
    }

    @Override
    public Scorer load(Path dir) throws ModelLoadException {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(FILE), StandardCharsets.UTF_8);
            if (lines.size() != 4 || !lines.get(0).equals(HEADER)) {
                throw new ModelLoadException("not a " + HEADER + " file");
            }
            List<String> features = Arrays.asList(lines.get(1).trim().split(" "));
            double[] w = Arrays.stream(lines.get(2).trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
            return new HouseScorer(features, w, Integer.parseInt(lines.get(3).trim()));
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("cannot read " + FILE + ": " + e.getMessage(), e);
        }
    }

    private record Model(List<String> features, double[] w, int delay, Provenance provenance,
            List<ScoreRequest> warmupSamples) implements TrainedModel {

        @Override
        public InputSchema inputSchema() {
            return schema(features);
        }

        @Override
        public void save(Path directory) throws IOException {
            StringBuilder weights = new StringBuilder();
            for (double v : w) {
                weights.append(weights.length() == 0 ? "" : " ").append(v);
            }
            Files.writeString(directory.resolve(FILE), HEADER + "\n" + String.join(" ", features) + "\n" + weights
                    + "\n" + delay + "\n");
        }

        @Override
        public void close() {
            // heap only
        }
    }

    private record HouseScorer(List<String> features, double[] w, int delay) implements Scorer {

        @Override
        public InputSchema inputSchema() {
            return schema(features);
        }

        @Override
        public ScoreResult score(ScoreRequest request) throws ScoringException {
            if (delay > 0) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ScoringException("interrupted");
                }
            }
            double[] x = new double[features.size()];
            for (int j = 0; j < x.length; j++) {
                x[j] = request.number(features.get(j));
            }
            return ScoreResult.builder().put("prediction", predict(w, x)).build();
        }

        @Override
        public void close() {
            // heap only
        }
    }
}
