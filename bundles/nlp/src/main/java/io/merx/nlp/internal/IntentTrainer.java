package io.merx.nlp.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;

/**
 * Trains {@link IntentNetwork} with DL4J: a multi-layer perceptron on hashed TF-IDF features, then temperature
 * scaling on one half of the held-out rows and evaluation (accuracy, macro-F1, calibration error) on the other.
 */
final class IntentTrainer {

    /** Hyper-parameters of one run. */
    record Settings(int hashBits, int hidden, int epochs, int batchSize, double learningRate, double l2,
            double dropout, double holdout, long seed, double threshold) {
    }

    /** The network and what it measured on held-out rows. */
    record Result(IntentNetwork network, Map<String, Double> metrics, int[] evaluationRows) {
    }

    private IntentTrainer() {
    }

    static Result train(String[] texts, String[] intents, Settings s, TrainingContext context)
            throws TrainingException {
        List<String> labels = new ArrayList<>(new TreeSet<>(Arrays.asList(intents)));
        Map<String, Integer> labelIndex = new LinkedHashMap<>();
        labels.forEach(l -> labelIndex.put(l, labelIndex.size()));
        int[] y = new int[intents.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = labelIndex.get(intents[i]);
        }

        int[] order = shuffled(texts.length, s.seed());
        int holdout = (int) Math.floor(texts.length * s.holdout());
        int trainRows = texts.length - holdout;
        int[] trainIdx = Arrays.copyOfRange(order, 0, trainRows);
        int[] calibrationIdx = Arrays.copyOfRange(order, trainRows, trainRows + holdout / 2);
        int[] evaluationIdx = holdout >= 2 ? Arrays.copyOfRange(order, trainRows + holdout / 2, texts.length) : trainIdx;

        String[] trainTexts = new String[trainRows];
        for (int i = 0; i < trainRows; i++) {
            trainTexts[i] = texts[trainIdx[i]];
        }
        TextFeatures features = TextFeatures.fit(s.hashBits(), trainTexts);
        SparseVector[] x = new SparseVector[texts.length];
        for (int i = 0; i < texts.length; i++) {
            x[i] = features.vector(texts[i]);
        }
        context.progress(0.05, "features: " + features.dimension() + " hashed dimensions, " + labels.size()
                + " intents, " + trainRows + " training rows");

        MultiLayerNetwork net = new MultiLayerNetwork(configuration(features.dimension(), labels.size(), s));
        net.init();
        Random shuffle = new Random(s.seed() + 1);
        for (int epoch = 1; epoch <= s.epochs(); epoch++) {
            shuffleInPlace(trainIdx, shuffle);
            double loss = 0;
            int batches = 0;
            for (int from = 0; from < trainRows; from += s.batchSize()) {
                if (context.isCancelled()) {
                    throw new TrainingException("cancelled at epoch " + epoch);
                }
                int[] batch = Arrays.copyOfRange(trainIdx, from, Math.min(trainRows, from + s.batchSize()));
                try (INDArray input = dense(x, batch, features.dimension());
                        INDArray target = oneHot(y, batch, labels.size())) {
                    net.fit(new DataSet(input, target));
                }
                loss += net.score();
                batches++;
            }
            loss /= Math.max(1, batches);
            if (!Double.isFinite(loss)) {
                throw new TrainingException("training diverged at epoch " + epoch + "; lower learningRate");
            }
            context.progress(0.05 + 0.85 * epoch / s.epochs(),
                    String.format(java.util.Locale.ROOT, "epoch %d/%d loss %.4f", epoch, s.epochs(), loss));
        }

        IntentNetwork network = extract(net, labels, features, s.hidden());
        checkAgainstDl4j(net, network, x, evaluationIdx, features.dimension());

        double temperature = 1.0;
        if (calibrationIdx.length > 0) {
            temperature = Calibration.temperature(logits(network, x, calibrationIdx), select(y, calibrationIdx));
        }
        network = network.withTemperature(temperature);
        Map<String, Double> metrics = evaluate(network, x, y, evaluationIdx, labels.size(), s.threshold());
        metrics.put("temperature", temperature);
        metrics.put("trainingRows", (double) trainRows);
        metrics.put("evaluationRows", (double) evaluationIdx.length);
        metrics.put("intents", (double) labels.size());
        context.progress(1.0, "done: " + metrics);
        return new Result(network, metrics, evaluationIdx);
    }

    private static MultiLayerConfiguration configuration(int inputs, int classes, Settings s) {
        return new NeuralNetConfiguration.Builder()
                .seed(s.seed())
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .updater(new Adam(s.learningRate()))
                .l2(s.l2())
                .list()
                .layer(new DenseLayer.Builder().nIn(inputs).nOut(s.hidden()).activation(Activation.RELU).build())
                // DL4J's dropOut takes the probability of keeping an input of the layer (the hidden units).
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(s.hidden()).nOut(classes)
                        .activation(Activation.SOFTMAX).dropOut(1.0 - s.dropout()).build())
                .build();
    }

    private static IntentNetwork extract(MultiLayerNetwork net, List<String> labels, TextFeatures features,
            int hidden) {
        return new IntentNetwork(List.copyOf(labels), features, hidden, floats(net.getParam("0_W")),
                floats(net.getParam("0_b")), floats(net.getParam("1_W")), floats(net.getParam("1_b")), 1.0);
    }

    private static float[] floats(INDArray param) {
        try (INDArray rowMajor = param.dup('c')) {
            return rowMajor.data().asFloat();
        }
    }

    /** Scoring runs in plain Java; make sure it computes what DL4J computed. */
    private static void checkAgainstDl4j(MultiLayerNetwork net, IntentNetwork network, SparseVector[] x, int[] rows,
            int dimension) throws TrainingException {
        int[] sample = Arrays.copyOf(rows, Math.min(rows.length, 4));
        try (INDArray input = dense(x, sample, dimension); INDArray out = net.output(input, false)) {
            for (int i = 0; i < sample.length; i++) {
                double[] expected = out.getRow(i).toDoubleVector();
                double[] actual = IntentNetwork.softmax(network.logits(x[sample[i]]), 1.0);
                for (int c = 0; c < expected.length; c++) {
                    if (Math.abs(expected[c] - actual[c]) > 1e-3) {
                        throw new TrainingException("sparse scorer disagrees with DL4J: " + actual[c] + " vs "
                                + expected[c]);
                    }
                }
            }
        }
    }

    static Map<String, Double> evaluate(IntentNetwork network, SparseVector[] x, int[] y, int[] rows, int classes,
            double threshold) {
        double[][] logits = logits(network, x, rows);
        int[] truth = select(y, rows);
        int[] tp = new int[classes];
        int[] fp = new int[classes];
        int[] fn = new int[classes];
        int correct = 0;
        int inScope = 0;
        int correctInScope = 0;
        for (int i = 0; i < rows.length; i++) {
            double[] p = IntentNetwork.softmax(logits[i], network.temperature());
            int predicted = Calibration.argMax(p);
            if (predicted == truth[i]) {
                correct++;
                tp[predicted]++;
            } else {
                fp[predicted]++;
                fn[truth[i]]++;
            }
            if (p[predicted] >= threshold) {
                inScope++;
                correctInScope += predicted == truth[i] ? 1 : 0;
            }
        }
        double f1Sum = 0;
        int present = 0;
        for (int c = 0; c < classes; c++) {
            if (tp[c] + fn[c] > 0) {
                present++;
                double precision = tp[c] + fp[c] == 0 ? 0 : tp[c] / (double) (tp[c] + fp[c]);
                double recall = tp[c] / (double) (tp[c] + fn[c]);
                f1Sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", correct / (double) Math.max(1, rows.length));
        metrics.put("macroF1", f1Sum / Math.max(1, present));
        metrics.put("ece", Calibration.expectedCalibrationError(logits, truth, network.temperature()));
        metrics.put("eceUncalibrated", Calibration.expectedCalibrationError(logits, truth, 1.0));
        metrics.put("logLoss", Calibration.logLoss(logits, truth, network.temperature()));
        metrics.put("inScopeRate", inScope / (double) Math.max(1, rows.length));
        metrics.put("inScopeAccuracy", inScope == 0 ? 0 : correctInScope / (double) inScope);
        return metrics;
    }

    static double[][] logits(IntentNetwork network, SparseVector[] x, int[] rows) {
        double[][] logits = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            logits[i] = network.logits(x[rows[i]]);
        }
        return logits;
    }

    private static int[] select(int[] values, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    private static INDArray dense(SparseVector[] x, int[] rows, int dimension) {
        float[] flat = new float[rows.length * dimension];
        for (int r = 0; r < rows.length; r++) {
            SparseVector v = x[rows[r]];
            for (int n = 0; n < v.indices().length; n++) {
                flat[r * dimension + v.indices()[n]] = v.values()[n];
            }
        }
        return Nd4j.create(flat, new long[] {rows.length, dimension}, 'c');
    }

    private static INDArray oneHot(int[] y, int[] rows, int classes) {
        float[] flat = new float[rows.length * classes];
        for (int r = 0; r < rows.length; r++) {
            flat[r * classes + y[rows[r]]] = 1f;
        }
        return Nd4j.create(flat, new long[] {rows.length, classes}, 'c');
    }

    private static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffleInPlace(order, new Random(seed));
        return order;
    }

    private static void shuffleInPlace(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
