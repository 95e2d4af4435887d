package io.merx.forecasting.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

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
 * Trains the global MLP with DL4J on windows cut from every series (one model learns from all SKUs, which is what
 * lets it help short series). The last {@code horizon} points of each long-enough series are held out of the
 * targets; the network's errors there give the interval quantiles.
 */
final class MlpTrainer {

    private static final int BATCH = 1024;
    private static final int MAX_WINDOWS_PER_SERIES = 60;

    private final int window;
    private final int horizon;
    private final int hidden;
    private final int epochs;
    private final double learningRate;
    private final long seed;

    MlpTrainer(int window, int horizon, int hidden, int epochs, double learningRate, long seed) {
        this.window = window;
        this.horizon = horizon;
        this.hidden = hidden;
        this.epochs = epochs;
        this.learningRate = learningRate;
        this.seed = seed;
    }

    MlpNetwork train(List<double[]> series, TrainingContext context, double progressFrom, double progressTo)
            throws TrainingException {
        List<double[]> inputs = new ArrayList<>();
        List<double[]> targets = new ArrayList<>();
        List<double[]> holdoutSeries = new ArrayList<>();
        for (double[] y : series) {
            int n = y.length;
            boolean holdout = n - horizon >= horizon + Math.max(4, window / 2);
            int trainEnd = holdout ? n - horizon : n;
            if (holdout) {
                holdoutSeries.add(y);
            }
            int last = trainEnd - horizon;
            int first = Math.max(Math.min(window, last), Math.max(1, last - MAX_WINDOWS_PER_SERIES + 1));
            for (int end = first; end <= last; end++) {
                addWindow(y, end, inputs, targets);
            }
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no series is long enough for the MLP: need at least "
                    + (horizon + 1) + " values (hyper-parameter 'horizon' is " + horizon + ")");
        }
        MultiLayerNetwork net = new MultiLayerNetwork(configuration());
        net.init();
        int rows = inputs.size();
        // Batches are gathered in Java and handed to ND4J whole: INDArray.getRows copies row by row through
        // native shape buffers, which cost more than the training itself (JFR, issue 21).
        float[] x = flatten(inputs, window);
        float[] y = flatten(targets, horizon);
        float[] batchX = new float[BATCH * window];
        float[] batchY = new float[BATCH * horizon];
        Random random = new Random(seed);
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        for (int epoch = 0; epoch < epochs; epoch++) {
            if (context.isCancelled()) {
                throw new TrainingException("cancelled in MLP epoch " + (epoch + 1));
            }
            for (int i = rows - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int start = 0; start < rows; start += BATCH) {
                int size = Math.min(rows, start + BATCH) - start;
                for (int r = 0; r < size; r++) {
                    System.arraycopy(x, order[start + r] * window, batchX, r * window, window);
                    System.arraycopy(y, order[start + r] * horizon, batchY, r * horizon, horizon);
                }
                try (INDArray bx = Nd4j.create(Arrays.copyOf(batchX, size * window), new long[] {size, window},
                        DataType.FLOAT);
                        INDArray by = Nd4j.create(Arrays.copyOf(batchY, size * horizon), new long[] {size, horizon},
                                DataType.FLOAT)) {
                    net.fit(new DataSet(bx, by));
                }
            }
            double score = net.score();
            if (!Double.isFinite(score)) {
                throw new TrainingException("MLP diverged in epoch " + (epoch + 1) + "; lower mlpLearningRate");
            }
            context.progress(progressFrom + (progressTo - progressFrom) * (epoch + 1) / epochs,
                    "MLP epoch " + (epoch + 1) + "/" + epochs + " loss=" + String.format("%.4f", score));
        }
        MlpNetwork network = export(net, new double[4][horizon]); // quantiles follow from this network
        net.close();
        double[][] quantiles = errorQuantiles(network, holdoutSeries, inputs, targets);
        return network.withQuantiles(quantiles);
    }

    /** Rows one after the other in single precision: the network trains in floats, ample for scaled demand. */
    private static float[] flatten(List<double[]> rows, int width) {
        float[] flat = new float[rows.size() * width];
        for (int r = 0; r < rows.size(); r++) {
            double[] row = rows.get(r);
            for (int i = 0; i < width; i++) {
                flat[r * width + i] = (float) row[i];
            }
        }
        return flat;
    }

    private void addWindow(double[] y, int end, List<double[]> inputs, List<double[]> targets) {
        double[] in = new double[window];
        for (int i = 0; i < window; i++) {
            in[i] = y[Math.max(0, end - window + i)];
        }
        double scale = MlpNetwork.scaleOf(in);
        double[] out = new double[horizon];
        for (int i = 0; i < horizon; i++) {
            out[i] = y[end + i] / scale - 1;
        }
        for (int i = 0; i < window; i++) {
            in[i] = in[i] / scale - 1;
        }
        inputs.add(in);
        targets.add(out);
    }

    private MultiLayerConfiguration configuration() {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .updater(new Adam(learningRate))
                .list()
                .layer(new DenseLayer.Builder().nIn(window).nOut(hidden).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(hidden).nOut(hidden).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(hidden).nOut(horizon)
                        .activation(Activation.IDENTITY).build())
                .build();
    }

    private MlpNetwork export(MultiLayerNetwork net, double[][] quantiles) {
        int layers = net.getnLayers();
        int[] sizes = {window, hidden, hidden, horizon};
        double[][] weights = new double[layers][];
        double[][] biases = new double[layers][];
        for (int layer = 0; layer < layers; layer++) {
            double[][] w = net.getLayer(layer).getParam("W").toDoubleMatrix();
            double[] flat = new double[w.length * w[0].length];
            for (int i = 0; i < w.length; i++) {
                System.arraycopy(w[i], 0, flat, i * w[i].length, w[i].length);
            }
            weights[layer] = flat;
            biases[layer] = net.getLayer(layer).getParam("b").toDoubleVector();
        }
        return new MlpNetwork(window, horizon, sizes, weights, biases, quantiles);
    }

    /** Per-step quantiles of scaled errors on the held-out ends, or on training windows when none was held out. */
    private double[][] errorQuantiles(MlpNetwork network, List<double[]> holdoutSeries, List<double[]> inputs,
            List<double[]> targets) {
        List<double[]> errors = new ArrayList<>();
        for (double[] y : holdoutSeries) {
            int end = y.length - horizon;
            double[] in = network.lastWindow(y, end);
            double scale = MlpNetwork.scaleOf(in);
            double[] predicted = network.predict(in);
            double[] e = new double[horizon];
            for (int i = 0; i < horizon; i++) {
                e[i] = (y[end + i] - predicted[i]) / scale;
            }
            errors.add(e);
        }
        if (errors.size() < 10) {
            for (int r = 0; r < inputs.size() && errors.size() < 2_000; r++) {
                double[] in = inputs.get(r).clone();
                for (int i = 0; i < in.length; i++) {
                    in[i] += 1; // already scaled: scale 1 round-trips
                }
                double[] predicted = network.predict(in);
                double[] e = new double[horizon];
                double scale = MlpNetwork.scaleOf(in);
                for (int i = 0; i < horizon; i++) {
                    e[i] = ((targets.get(r)[i] + 1) - predicted[i] / scale);
                }
                errors.add(e);
            }
        }
        double[] probabilities = {0.10, 0.90, 0.025, 0.975};
        double[][] quantiles = new double[4][horizon];
        double[] column = new double[errors.size()];
        for (int i = 0; i < horizon; i++) {
            for (int r = 0; r < column.length; r++) {
                column[r] = errors.get(r)[i];
            }
            Arrays.sort(column);
            for (int k = 0; k < 4; k++) {
                quantiles[k][i] = Stats.sortedQuantile(column, probabilities[k]);
            }
        }
        return quantiles;
    }
}
