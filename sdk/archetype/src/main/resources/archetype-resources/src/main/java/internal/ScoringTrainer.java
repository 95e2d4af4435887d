package ${package}.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.Provenance;
import io.merx.api.ScoreRequest;
import io.merx.api.TrainedModel;
import io.merx.api.Trainer;
import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;

/** Fits logistic regression by full-batch gradient descent on standardised features. */
final class ScoringTrainer implements Trainer {

    private final ScoringKind kind;
    private final HyperParameters hp;

    ScoringTrainer(ScoringKind kind, HyperParameters hp) {
        this.kind = kind;
        this.hp = hp;
    }

    @Override
    public HyperParameters hyperParameters() {
        return hp;
    }

    @Override
    public TrainedModel train(Dataset data, TrainingContext context) throws TrainingException {
        String label = hp.getString("label");
        double[] y = data.numbers(label);
        List<String> features = new ArrayList<>();
        for (String column : data.columnNames()) {
            if (!column.equals(label) && data.isNumeric(column)) {
                features.add(column);
            }
        }
        if (features.isEmpty() || y.length < 10) {
            throw new IllegalArgumentException("need numeric feature columns besides '" + label
                    + "' and at least 10 rows; got " + features + " and " + y.length + " rows");
        }
        double[][] x = new double[y.length][features.size()];
        for (int j = 0; j < features.size(); j++) {
            double[] column = data.numbers(features.get(j));
            for (int i = 0; i < y.length; i++) {
                if (!Double.isFinite(column[i])) {
                    throw new IllegalArgumentException("column '" + features.get(j) + "' row " + (i + 1) + " is not a number");
                }
                x[i][j] = column[i];
            }
        }
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("column '" + label + "' row " + (i + 1) + " must be 0 or 1, got " + y[i]);
            }
        }

        INDArray raw = Nd4j.create(x).castTo(DataType.DOUBLE);
        INDArray target = Nd4j.create(y, new long[] {y.length, 1}, DataType.DOUBLE);
        INDArray means = raw.mean(0);
        double[] spread = raw.std(0).toDoubleVector();
        for (int j = 0; j < spread.length; j++) {
            spread[j] = spread[j] > 1e-12 ? spread[j] : 1.0;
        }
        INDArray stds = Nd4j.createFromArray(spread);
        INDArray z = raw.subRowVector(means).diviRowVector(stds);

        int epochs = hp.getInt("epochs");
        double rate = hp.getDouble("learningRate");
        INDArray w = Nd4j.zeros(DataType.DOUBLE, features.size(), 1);
        double b = 0;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            if (context.isCancelled()) {
                throw new TrainingException("cancelled at epoch " + epoch);
            }
            INDArray error = Transforms.sigmoid(z.mmul(w).addi(b), false).subi(target);
            w.subi(z.transpose().mmul(error).divi(y.length).addi(w.mul(hp.getDouble("l2"))).muli(rate));
            b -= rate * error.meanNumber().doubleValue();
            if (epoch % Math.max(1, epochs / 10) == 0) {
                context.progress((double) epoch / epochs, "epoch " + epoch + "/" + epochs);
            }
        }
        ScoringModel model = new ScoringModel(features, means, stds, w, b, null, List.of());
        INDArray p = model.predict(raw);
        double accuracy = p.gt(0.5).castTo(DataType.DOUBLE).eq(target).castTo(DataType.DOUBLE).meanNumber().doubleValue();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", accuracy);
        metrics.put("positiveRate", target.meanNumber().doubleValue());

        List<ScoreRequest> warmup = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> inputs = new LinkedHashMap<>();
            for (int j = 0; j < features.size(); j++) {
                inputs.put(features.get(j), x[i][j]);
            }
            warmup.add(ScoreRequest.of(inputs));
        }
        return new ScoringModel(features, means, stds, w, b, Provenance.now(kind, hp, data, metrics), warmup);
    }
}
