package io.merx.benchmarks.encoder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
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

/**
 * Multinomial logistic regression on frozen embeddings, trained with DL4J: one softmax layer, Adam, L2.
 *
 * <p>The number of epochs is chosen on a validation split carved from the training rows (never the test rows),
 * then the head is refitted on all training rows for that many epochs.
 */
final class SoftmaxHead {

    static final double LEARNING_RATE = 0.005;
    static final double L2 = 1e-4;
    static final int BATCH = 64;
    static final int MAX_EPOCHS = 40;
    static final double VALIDATION_SHARE = 0.1;
    private static final long SEED = 22;

    private final MultiLayerNetwork network;
    final int epochs;

    private SoftmaxHead(MultiLayerNetwork network, int epochs) {
        this.network = network;
        this.epochs = epochs;
    }

    static SoftmaxHead fit(float[][] features, int[] labels, int classes) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(SEED));
        int validationSize = (int) Math.round(labels.length * VALIDATION_SHARE);
        int[] validation = order.subList(0, validationSize).stream().mapToInt(Integer::intValue).toArray();
        int[] training = order.subList(validationSize, order.size()).stream().mapToInt(Integer::intValue).toArray();

        MultiLayerNetwork trial = network(features[0].length, classes);
        DataSet trainingSet = dataSet(features, labels, training, classes);
        int bestEpochs = 1;
        double bestAccuracy = -1;
        for (int epoch = 1; epoch <= MAX_EPOCHS; epoch++) {
            trainOneEpoch(trial, trainingSet, epoch);
            double accuracy = accuracy(trial, features, labels, validation);
            if (accuracy > bestAccuracy) {
                bestAccuracy = accuracy;
                bestEpochs = epoch;
            }
        }
        MultiLayerNetwork refit = network(features[0].length, classes);
        DataSet all = dataSet(features, labels, order.stream().mapToInt(Integer::intValue).toArray(), classes);
        for (int epoch = 1; epoch <= bestEpochs; epoch++) {
            trainOneEpoch(refit, all, epoch);
        }
        return new SoftmaxHead(refit, bestEpochs);
    }

    int[] predict(float[][] features) {
        INDArray output = network.output(Nd4j.create(features));
        return output.argMax(1).toIntVector();
    }

    private static MultiLayerNetwork network(int inputs, int classes) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(SEED)
                .dataType(DataType.FLOAT)
                .updater(new Adam(LEARNING_RATE))
                .l2(L2)
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nIn(inputs).nOut(classes).activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }

    private static void trainOneEpoch(MultiLayerNetwork network, DataSet data, int epoch) {
        data.shuffle(SEED + epoch);
        for (DataSet batch : data.batchBy(BATCH)) {
            network.fit(batch);
        }
    }

    private static DataSet dataSet(float[][] features, int[] labels, int[] rows, int classes) {
        float[][] x = new float[rows.length][];
        float[][] y = new float[rows.length][classes];
        for (int i = 0; i < rows.length; i++) {
            x[i] = features[rows[i]];
            y[i][labels[rows[i]]] = 1f;
        }
        return new DataSet(Nd4j.create(x), Nd4j.create(y));
    }

    private static double accuracy(MultiLayerNetwork network, float[][] features, int[] labels, int[] rows) {
        float[][] x = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            x[i] = features[rows[i]];
        }
        int[] predicted = network.output(Nd4j.create(x)).argMax(1).toIntVector();
        int correct = 0;
        for (int i = 0; i < rows.length; i++) {
            correct += predicted[i] == labels[rows[i]] ? 1 : 0;
        }
        return correct / (double) rows.length;
    }

    @Override
    public String toString() {
        return "softmax head (DL4J, Adam " + LEARNING_RATE + ", L2 " + L2 + ", batch " + BATCH + ", " + epochs
                + " epochs chosen on a " + (int) (VALIDATION_SHARE * 100) + " % validation split of train)";
    }
}
