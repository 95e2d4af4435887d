package io.merx.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

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
 * A real, small kind for testing the platform (runtime, REST, benchmarks) without a module: least squares by
 * gradient descent on every numeric column except the target, saved as a text file. It comes in two shapes:
 * <ul>
 * <li>{@code new LinearTestKind()}: kind {@value #NAME}, one vector input {@code x}, output {@code score};</li>
 * <li>{@link #house()}: kind {@value #HOUSE}, one number input per feature column (like {@code example.linear}),
 * output {@code prediction}.</li>
 * </ul>
 * Hyper-parameters slow it down on purpose ({@code sleepMillis} per epoch, {@code scoreDelayMillis} per request) or
 * break its warm-up sample, and it records the scorers it loads so that a test can check they get closed.
 *
 * <pre>{@code
 * LinearTestKind kind = new LinearTestKind();
 * runtime.bindKind(kind);            // train a model on a CSV of numeric columns with a "y" column, then
 * kind.loaded().get(0).isClosed();   // after a swap: the old scorer was closed
 * }</pre>
 */
public final class LinearTestKind implements ModelKind {

    /** The kind with a vector input {@code x}. */
    public static final String NAME = "test.linear";
    /** The kind with one number input per feature. */
    public static final String HOUSE = "test.house";
    /** The file a model is saved in. */
    public static final String FILE = "weights.txt";
    private static final String HEADER = "merx-test-linear 2";

    private final String name;
    private final String version;
    private final boolean namedInputs;
    private final List<LinearScorer> loaded = Collections.synchronizedList(new ArrayList<>());

    /** Kind {@value #NAME} at version 1.0.0. */
    public LinearTestKind() {
        this("1.0.0");
    }

    /** Kind {@value #NAME} at the given version, as after a bundle update. */
    public LinearTestKind(String version) {
        this(NAME, version, false);
    }

    private LinearTestKind(String name, String version, boolean namedInputs) {
        this.name = name;
        this.version = version;
        this.namedInputs = namedInputs;
    }

    /** Kind {@value #HOUSE} at version 1.0.0: inputs named after the feature columns, output {@code prediction}. */
    public static LinearTestKind house() {
        return new LinearTestKind(HOUSE, "1.0.0", true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String description() {
        return "least squares on numeric columns (platform tests)";
    }

    /** The scorers this kind has loaded, oldest first. */
    public List<LinearScorer> loaded() {
        return loaded;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.integer("epochs", 3000, 1, 100_000, "gradient descent passes"),
                ParameterSpec.real("learningRate", 0.5, 1e-6, 1, "step size"),
                ParameterSpec.text("target", "y", "column to predict"),
                ParameterSpec.integer("sleepMillis", 0, 0, 1000, "pause per epoch, to watch progress or cancel"),
                ParameterSpec.integer("scoreDelayMillis", 0, 0, 10_000, "pause per scored request"),
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
        double[] w = new double[features.size() + 1];
        int epochs = hp.getInt("epochs");
        for (int epoch = 1; epoch <= epochs; epoch++) {
            if (context.isCancelled()) {
                throw new TrainingException("cancelled at epoch " + epoch);
            }
            double[] gradient = new double[w.length];
            for (int i = 0; i < n; i++) {
                double[] x = row(data, features, i);
                double error = predict(w, x) - y[i];
                gradient[0] += error;
                for (int j = 0; j < x.length; j++) {
                    gradient[j + 1] += error * x[j];
                }
            }
            for (int j = 0; j < w.length; j++) {
                w[j] -= hp.getDouble("learningRate") * gradient[j] / n;
            }
            context.progress((double) epoch / epochs, "epoch " + epoch + "/" + epochs);
            pause(hp.getInt("sleepMillis"));
        }
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double error = predict(w, row(data, features, i)) - y[i];
            squares += error * error;
        }
        Weights weights = new Weights(features, w, hp.getInt("scoreDelayMillis"));
        Provenance provenance = Provenance.now(this, hp, data, Map.of("rmse", Math.sqrt(squares / n)));
        ScoreRequest warmup = sample(weights, row(data, features, 0), hp.getBoolean("brokenWarmup"));
        return new Model(weights, schema(weights), provenance, List.of(warmup));
    }

    private ScoreRequest sample(Weights weights, double[] first, boolean broken) {
        if (!namedInputs) {
            return ScoreRequest.of(Map.of("x", broken ? new double[first.length + 1] : first));
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (int j = broken ? 1 : 0; j < first.length; j++) {
            inputs.put(weights.features.get(j), first[j]);
        }
        return ScoreRequest.of(inputs);
    }

    @Override
    public Scorer load(Path dir) throws ModelLoadException {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(FILE), StandardCharsets.UTF_8);
            if (lines.size() != 4 || !lines.get(0).equals(HEADER)) {
                throw new ModelLoadException("not a " + HEADER + " file");
            }
            List<String> features = lines.get(1).isBlank() ? List.of() : Arrays.asList(lines.get(1).trim().split(" "));
            double[] w = Arrays.stream(lines.get(2).trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
            LinearScorer scorer = new LinearScorer(new Weights(features, w, Integer.parseInt(lines.get(3).trim())));
            loaded.add(scorer);
            return scorer;
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("cannot read " + FILE + ": " + e.getMessage(), e);
        }
    }

    private static void pause(int millis) throws TrainingException {
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

    private static double predict(double[] w, double[] x) {
        double sum = w[0];
        for (int j = 0; j < x.length; j++) {
            sum += w[j + 1] * x[j];
        }
        return sum;
    }

    /** What a model is: feature names, intercept then one weight per feature, and the scoring delay. */
    private record Weights(List<String> features, double[] w, int delay) {

        void save(Path directory) throws IOException {
            StringBuilder line = new StringBuilder();
            for (double v : w) {
                line.append(line.length() == 0 ? "" : " ").append(v);
            }
            Files.writeString(directory.resolve(FILE), HEADER + "\n" + String.join(" ", features) + "\n" + line
                    + "\n" + delay + "\n");
        }
    }

    private InputSchema schema(Weights weights) {
        if (!namedInputs) {
            return InputSchema.of(FieldSpec.vector("x", weights.features.size(), "feature values"));
        }
        List<FieldSpec> fields = new ArrayList<>();
        for (String feature : weights.features) {
            fields.add(FieldSpec.required(feature, FieldType.NUMBER, "feature " + feature));
        }
        return new InputSchema(fields, false);
    }

    private record Model(Weights weights, InputSchema inputSchema, Provenance provenance,
            List<ScoreRequest> warmupSamples) implements TrainedModel {

        @Override
        public void save(Path directory) throws IOException {
            weights.save(directory);
        }

        @Override
        public void close() {
            // heap only
        }
    }

    /** A loaded model; remembers whether the runtime closed it. */
    public final class LinearScorer implements Scorer {
        private final Weights weights;
        private final AtomicBoolean closed = new AtomicBoolean();

        LinearScorer(Weights weights) {
            this.weights = weights;
        }

        @Override
        public InputSchema inputSchema() {
            return schema(weights);
        }

        @Override
        public ScoreResult score(ScoreRequest request) throws ScoringException {
            if (closed.get()) {
                throw new ScoringException("scorer is closed");
            }
            if (weights.delay > 0) {
                try {
                    Thread.sleep(weights.delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ScoringException("interrupted");
                }
            }
            if (!namedInputs) {
                return ScoreResult.builder().put("score", predict(weights.w, request.vector("x"))).build();
            }
            double[] x = new double[weights.features.size()];
            for (int j = 0; j < x.length; j++) {
                x[j] = request.number(weights.features.get(j));
            }
            return ScoreResult.builder().put("prediction", predict(weights.w, x)).build();
        }

        /** Whether the runtime has closed this scorer. */
        public boolean isClosed() {
            return closed.get();
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }
}
