package ${package}.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import io.merx.api.FieldSpec;
import io.merx.api.FieldType;
import io.merx.api.InputSchema;
import io.merx.api.ModelLoadException;
import io.merx.api.Provenance;
import io.merx.api.ScoreRequest;
import io.merx.api.TrainedModel;

/**
 * The fitted parameters, immutable. Saved as {@code model.properties} (format, features, bias) and
 * {@code weights.nd4j} (means, standard deviations, weights in ND4J's binary format).
 */
final class ScoringModel implements TrainedModel {

    private static final String META = "model.properties";
    private static final String WEIGHTS = "weights.nd4j";
    private static final String FORMAT = "1";

    private final List<String> features;
    private final INDArray means;
    private final INDArray stds;
    private final INDArray weights;
    private final double bias;
    private final Provenance provenance;
    private final List<ScoreRequest> warmup;

    ScoringModel(List<String> features, INDArray means, INDArray stds, INDArray weights, double bias,
            Provenance provenance, List<ScoreRequest> warmup) {
        this.features = List.copyOf(features);
        this.means = means;
        this.stds = stds;
        this.weights = weights;
        this.bias = bias;
        this.provenance = provenance;
        this.warmup = List.copyOf(warmup);
    }

    List<String> features() {
        return features;
    }

    /** Probabilities for raw rows, one per row. */
    INDArray predict(INDArray rawRows) {
        INDArray z = rawRows.subRowVector(means).diviRowVector(stds);
        return Transforms.sigmoid(z.mmul(weights).addi(bias), false);
    }

    long nativeBytes() {
        return (means.length() + stds.length() + weights.length()) * Double.BYTES;
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public InputSchema inputSchema() {
        List<FieldSpec> fields = new ArrayList<>();
        features.forEach(f -> fields.add(FieldSpec.required(f, FieldType.NUMBER, "feature " + f)));
        return new InputSchema(fields, false);
    }

    @Override
    public List<ScoreRequest> warmupSamples() {
        return warmup;
    }

    @Override
    public void save(Path directory) throws IOException {
        Properties meta = new Properties();
        meta.setProperty("format", FORMAT);
        meta.setProperty("features", String.join(",", features));
        meta.setProperty("bias", Double.toString(bias));
        try (OutputStream out = Files.newOutputStream(directory.resolve(META))) {
            meta.store(out, "${kindName} model");
        }
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(directory.resolve(WEIGHTS)))) {
            Nd4j.write(means, out);
            Nd4j.write(stds, out);
            Nd4j.write(weights, out);
        }
    }

    static ScoringModel read(Path directory) throws ModelLoadException {
        try {
            Properties meta = new Properties();
            try (InputStream in = Files.newInputStream(directory.resolve(META))) {
                meta.load(in);
            }
            if (!FORMAT.equals(meta.getProperty("format"))) {
                throw new ModelLoadException("unsupported model format '" + meta.getProperty("format") + "'");
            }
            List<String> features = Arrays.asList(meta.getProperty("features").split(","));
            try (DataInputStream in = new DataInputStream(Files.newInputStream(directory.resolve(WEIGHTS)))) {
                INDArray means = Nd4j.read(in);
                INDArray stds = Nd4j.read(in);
                INDArray weights = Nd4j.read(in);
                if (weights.length() != features.size()) {
                    throw new ModelLoadException("weights do not match the " + features.size() + " features");
                }
                return new ScoringModel(features, means, stds, weights.reshape(features.size(), 1),
                        Double.parseDouble(meta.getProperty("bias")), null, List.of());
            }
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("cannot read model in " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        means.close();
        stds.close();
        weights.close();
    }
}
