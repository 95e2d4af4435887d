package io.merx.example.linear.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.inverse.InvertMatrix;
import org.nd4j.linalg.ops.transforms.Transforms;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.ParameterSpec;
import io.merx.api.ScoreRequest;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;
import io.merx.sdk.kind.BaseTrainer;

/** Fits {@link LinearParameters}: ridge regression in closed form, or logistic regression by gradient descent. */
final class LinearTrainer extends BaseTrainer {

    /** The hyper-parameters this trainer reads, with their defaults and bounds: the kind publishes them. */
    static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.text("target", "", "column to predict (default: the last column); every other numeric column is a feature"),
            ParameterSpec.choice("task", "regression", List.of("regression", "classification"),
                    "regression: least squares; classification: logistic regression on a 0/1 target"),
            ParameterSpec.real("l2", 1e-3, 0, 1e6, "L2 penalty on the weights"),
            ParameterSpec.integer("epochs", 300, 1, 100_000, "gradient steps (classification only)"),
            ParameterSpec.real("learningRate", 0.5, 1e-6, 10, "gradient step size (classification only)"),
            ParameterSpec.real("holdout", 0.2, 0, 0.9, "fraction of rows held out to compute metrics"),
            ParameterSpec.integer("seed", 42, 0, Long.MAX_VALUE, "seed of the hold-out split"));

    LinearTrainer(ModelKind kind, HyperParameters hp) {
        super(kind, hp);
    }

    @Override
    public TrainedModel train(Dataset data, TrainingContext context) throws TrainingException {
        List<String> columns = data.columnNames();
        String target = hp.getString("target").isEmpty() ? columns.get(columns.size() - 1) : hp.getString("target");
        boolean classification = "classification".equals(hp.getString("task"));
        double[] y = data.numbers(target);
        List<String> features = new ArrayList<>();
        for (String column : data.columnNames()) {
            if (!column.equals(target) && data.isNumeric(column)) {
                features.add(column);
            }
        }
        if (features.isEmpty()) {
            throw new IllegalArgumentException("the data has no numeric feature column besides target '" + target + "'");
        }
        if (data.rowCount() < features.size() + 2) {
            throw new IllegalArgumentException("need at least " + (features.size() + 2) + " rows for "
                    + features.size() + " features, got " + data.rowCount());
        }
        double[][] x = new double[data.rowCount()][features.size()];
        for (int j = 0; j < features.size(); j++) {
            double[] column = data.numbers(features.get(j));
            for (int i = 0; i < column.length; i++) {
                if (!Double.isFinite(column[i])) {
                    throw new IllegalArgumentException("column '" + features.get(j) + "' row " + (i + 1)
                            + " is missing or not a finite number");
                }
                x[i][j] = column[i];
            }
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("column '" + target + "' row " + (i + 1) + " is missing or not finite");
            }
            if (classification && y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("column '" + target + "' row " + (i + 1)
                        + " must be 0 or 1 for classification, got " + y[i]);
            }
        }

        int[] order = shuffledRows(y.length, hp.getLong("seed"));
        int holdout = (int) Math.floor(y.length * hp.getDouble("holdout"));
        int trainRows = y.length - holdout;
        try (INDArray all = Nd4j.create(x).castTo(DataType.DOUBLE);
                INDArray target1 = Nd4j.create(y, new long[] {y.length, 1}, DataType.DOUBLE)) {
            INDArray trainX = rows(all, order, 0, trainRows);
            INDArray trainY = rows(target1, order, 0, trainRows);
            INDArray means = trainX.mean(0);
            double[] spread = trainX.std(0).toDoubleVector();
            for (int j = 0; j < spread.length; j++) {
                spread[j] = spread[j] > 1e-12 ? spread[j] : 1.0; // a constant feature keeps weight 0, not NaN
            }
            INDArray stds = Nd4j.createFromArray(spread);
            INDArray z = trainX.subRowVector(means).diviRowVector(stds);
            context.progress(0.1, "standardised " + trainRows + " rows x " + features.size() + " features");

            LinearParameters params = classification
                    ? fitLogistic(z, trainY, features, means, stds, context)
                    : fitRidge(z, trainY, features, means, stds);
            Map<String, Double> metrics = new LinkedHashMap<>();
            INDArray evalX = holdout > 0 ? rows(all, order, trainRows, y.length) : trainX;
            INDArray evalY = holdout > 0 ? rows(target1, order, trainRows, y.length) : trainY;
            try (LinearParameters.Folded folded = params.fold();
                    INDArray ones = Nd4j.ones(evalX.dataType(), evalX.rows(), 1);
                    INDArray evalXAndOne = Nd4j.hstack(evalX, ones)) {
                INDArray predicted = LinearScorer.predict(folded, classification, evalXAndOne);
                metrics.putAll(classification ? classificationMetrics(predicted, evalY)
                        : regressionMetrics(predicted, evalY));
            }
            metrics.put("holdoutRows", (double) (holdout > 0 ? holdout : trainRows));
            context.progress(1.0, "done: " + metrics);

            List<ScoreRequest> warmup = new ArrayList<>();
            for (int i = 0; i < Math.min(3, y.length); i++) {
                Map<String, Object> inputs = new LinkedHashMap<>();
                for (int j = 0; j < features.size(); j++) {
                    inputs.put(features.get(j), x[order[i]][j]);
                }
                warmup.add(ScoreRequest.of(inputs));
            }
            // The parameters hold ND4J memory: closing the trained model frees it.
            return TrainedModel.of(provenance(data, metrics), LinearScorer.schema(params), warmup,
                    directory -> LinearModelFiles.write(params, directory), params::close);
        }
    }

    private LinearParameters fitRidge(INDArray z, INDArray y, List<String> features, INDArray means, INDArray stds) {
        int n = (int) z.rows();
        int d = (int) z.columns();
        double yMean = y.meanNumber().doubleValue();
        INDArray yc = y.sub(yMean);
        // (Z'Z + n*l2*I) w = Z'y on standardised features; the intercept is the target mean.
        INDArray gram = z.transpose().mmul(z).addi(Nd4j.eye(d).castTo(DataType.DOUBLE).muli(n * hp.getDouble("l2")));
        INDArray w = InvertMatrix.invert(gram, false).mmul(z.transpose().mmul(yc));
        return new LinearParameters(features, means, stds, w, yMean, false);
    }

    private LinearParameters fitLogistic(INDArray z, INDArray y, List<String> features, INDArray means, INDArray stds,
            TrainingContext context) throws TrainingException {
        int n = (int) z.rows();
        int epochs = hp.getInt("epochs");
        double rate = hp.getDouble("learningRate");
        double l2 = hp.getDouble("l2");
        INDArray w = Nd4j.zeros(DataType.DOUBLE, z.columns(), 1);
        double b = 0;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            checkCancelled(context, "at epoch " + epoch);
            INDArray p = Transforms.sigmoid(z.mmul(w).addi(b), false);
            INDArray error = p.subi(y);
            INDArray gradient = z.transpose().mmul(error).divi(n).addi(w.mul(l2));
            w.subi(gradient.muli(rate));
            b -= rate * error.meanNumber().doubleValue();
            if (!Double.isFinite(b)) {
                throw new TrainingException("diverged at epoch " + epoch + "; lower learningRate");
            }
            if (epoch % Math.max(1, epochs / 10) == 0) {
                context.progress(0.1 + 0.8 * epoch / epochs, "epoch " + epoch + "/" + epochs);
            }
        }
        return new LinearParameters(features, means, stds, w, b, true);
    }

    private static Map<String, Double> regressionMetrics(INDArray predicted, INDArray y) {
        double mse = predicted.sub(y).norm2Number().doubleValue();
        mse = mse * mse / y.length();
        double variance = y.varNumber().doubleValue();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("rmse", Math.sqrt(mse));
        metrics.put("r2", variance > 0 ? 1 - mse / variance : 0);
        return metrics;
    }

    private static Map<String, Double> classificationMetrics(INDArray p, INDArray y) {
        double correct = p.gt(0.5).castTo(DataType.DOUBLE).eq(y).castTo(DataType.DOUBLE).sumNumber().doubleValue();
        INDArray clipped = Transforms.min(Transforms.max(p, 1e-12), 1 - 1e-12);
        double logLoss = -y.mul(Transforms.log(clipped)).add(y.rsub(1).mul(Transforms.log(clipped.rsub(1))))
                .meanNumber().doubleValue();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", correct / y.length());
        metrics.put("logLoss", logLoss);
        return metrics;
    }

    private static INDArray rows(INDArray matrix, int[] order, int from, int to) {
        return matrix.getRows(java.util.Arrays.copyOfRange(order, from, to));
    }

    private static int[] shuffledRows(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
