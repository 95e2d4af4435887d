package io.merx.nlp.internal;

import java.util.Random;

import io.merx.api.TrainingException;

/**
 * Trains a {@link LinearHead} by stochastic gradient descent on the cross-entropy, one message at a time, with
 * AdaGrad step sizes per weight: rare n-grams keep large steps, frequent ones settle, and a message touches only
 * the weight rows of its own features, so an epoch over 10,000 messages takes about a second. Deterministic for a
 * given seed (one thread, seeded order).
 */
final class SoftmaxTrainer {

    private static final float EPSILON = 1e-8f;
    /** Probability under which a wrong class's weights are not updated for a message (without L2). */
    static final double NEGLIGIBLE = 1e-3;
    /** Passes without a better tuning accuracy after which choosing the number of passes stops. */
    static final int PATIENCE = 4;

    private final int inputs;
    private final int classes;
    private final float learningRate;
    private final float l2;
    private final float[] w;
    private final float[] b;
    private final float[] squaredW;
    private final float[] squaredB;

    SoftmaxTrainer(int inputs, int classes, double learningRate, double l2) {
        this.inputs = inputs;
        this.classes = classes;
        this.learningRate = (float) learningRate;
        this.l2 = (float) l2;
        this.w = new float[inputs * classes];
        this.b = new float[classes];
        this.squaredW = new float[w.length];
        this.squaredB = new float[classes];
    }

    /** Hears about every pass; throws to stop training (a cancelled job). */
    interface PassListener {
        /** @param tuningAccuracy accuracy on the tuning rows after this pass, NaN without tuning rows */
        void pass(int epoch, double loss, double tuningAccuracy) throws TrainingException;
    }

    /** A fitted head and the number of passes it took; with tuning rows, its accuracy there. */
    record Fitted(LinearHead head, int epochs, double tuningAccuracy) {
    }

    /**
     * Trains a head on {@code rows}. With {@code tuning} rows, runs up to {@code epochs} passes (fewer when
     * {@value #PATIENCE} passes in a row bring no better accuracy there) and keeps the best pass; without, runs
     * exactly {@code epochs}.
     */
    static Fitted fit(SparseVector[] x, int[] y, int inputs, int classes, int[] rows, int[] tuning, int epochs,
            double learningRate, double l2, long seed, PassListener listener) throws TrainingException {
        SoftmaxTrainer trainer = new SoftmaxTrainer(inputs, classes, learningRate, l2);
        Random random = new Random(seed + 1);
        LinearHead best = null;
        int bestEpoch = epochs;
        double bestAccuracy = -1;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            double loss = trainer.epoch(x, y, rows, random);
            if (!Double.isFinite(loss)) {
                throw new TrainingException("training diverged at epoch " + epoch + "; lower learningRate");
            }
            double accuracy = Double.NaN;
            if (tuning != null) {
                accuracy = accuracy(trainer.head(), x, y, tuning);
                if (accuracy > bestAccuracy) {
                    bestAccuracy = accuracy;
                    bestEpoch = epoch;
                    best = trainer.snapshot();
                }
            }
            listener.pass(epoch, loss, accuracy);
            if (tuning != null && epoch - bestEpoch >= PATIENCE) {
                break;
            }
        }
        return new Fitted(best != null ? best : trainer.snapshot(), bestEpoch, bestAccuracy);
    }

    static double accuracy(IntentHead head, SparseVector[] x, int[] y, int[] rows) {
        int correct = 0;
        for (int row : rows) {
            correct += Calibration.argMax(head.logits(x[row])) == y[row] ? 1 : 0;
        }
        return correct / (double) Math.max(1, rows.length);
    }

    /** One pass over {@code rows} of {@code x} in an order drawn from {@code random}; returns the mean loss. */
    double epoch(SparseVector[] x, int[] y, int[] rows, Random random) {
        int[] order = rows.clone();
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        LinearHead head = head();
        double loss = 0;
        float[] g = new float[classes];
        int[] active = new int[classes];
        for (int row : order) {
            double[] p = Calibration.softmax(head.logits(x[row]), 1.0);
            loss -= Math.log(Math.max(p[y[row]], 1e-15));
            // Without L2, a class the message gives almost no probability would move its weights by almost
            // nothing: update only the others. Once the head fits, that is a few of tens of classes, which makes a
            // pass several times faster (the update, with its square root per weight, is most of a pass).
            int count = 0;
            for (int c = 0; c < classes; c++) {
                g[c] = (float) p[c];
                if (c == y[row] || l2 != 0 || p[c] >= NEGLIGIBLE) {
                    active[count++] = c;
                }
            }
            g[y[row]] -= 1f;
            int[] indices = x[row].indices();
            float[] values = x[row].values();
            for (int n = 0; n < indices.length; n++) {
                int offset = indices[n] * classes;
                float v = values[n];
                for (int a = 0; a < count; a++) {
                    int c = active[a];
                    int k = offset + c;
                    float grad = v * g[c] + l2 * w[k];
                    squaredW[k] += grad * grad;
                    w[k] -= learningRate * grad / ((float) Math.sqrt(squaredW[k]) + EPSILON);
                }
            }
            for (int c = 0; c < classes; c++) {
                squaredB[c] += g[c] * g[c];
                b[c] -= learningRate * g[c] / ((float) Math.sqrt(squaredB[c]) + EPSILON);
            }
        }
        return loss / Math.max(1, order.length);
    }

    /** The weights as they are now (a view: the next epoch changes them; take {@link #snapshot()} to keep them). */
    LinearHead head() {
        return new LinearHead(inputs, classes, w, b);
    }

    LinearHead snapshot() {
        return new LinearHead(inputs, classes, w.clone(), b.clone());
    }
}
