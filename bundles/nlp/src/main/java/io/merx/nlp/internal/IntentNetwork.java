package io.merx.nlp.internal;

import java.util.List;

/**
 * The trained intent classifier: hashed TF-IDF features, one ReLU hidden layer and a softmax over intents,
 * with a temperature that calibrates its confidence. Trained with DL4J; scored here in plain Java because the
 * input is sparse (a message touches a few hundred of tens of thousands of inputs), which makes the first layer
 * a sum of a few hundred weight rows instead of a dense product, and because plain arrays are safe to share
 * between request threads.
 *
 * @param labels intent names, in output order
 * @param features the feature extractor with its IDF weights
 * @param hidden hidden units
 * @param w1 input-to-hidden weights, row-major {@code [dimension][hidden]}
 * @param b1 hidden biases
 * @param w2 hidden-to-output weights, row-major {@code [hidden][labels]}
 * @param b2 output biases
 * @param temperature logits are divided by it before the softmax (1 = uncalibrated)
 */
record IntentNetwork(List<String> labels, TextFeatures features, int hidden, float[] w1, float[] b1, float[] w2,
        float[] b2, double temperature) {

    IntentNetwork withTemperature(double t) {
        return new IntentNetwork(labels, features, hidden, w1, b1, w2, b2, t);
    }

    /** Output-layer inputs (pre-softmax) for a text. */
    double[] logits(String text) {
        return logits(features.vector(text));
    }

    double[] logits(SparseVector x) {
        float[] h = b1.clone();
        int[] indices = x.indices();
        float[] values = x.values();
        for (int n = 0; n < indices.length; n++) {
            int row = indices[n] * hidden;
            float v = values[n];
            for (int j = 0; j < hidden; j++) {
                h[j] += v * w1[row + j];
            }
        }
        int classes = b2.length;
        double[] z = new double[classes];
        for (int c = 0; c < classes; c++) {
            z[c] = b2[c];
        }
        for (int j = 0; j < hidden; j++) {
            float a = h[j] > 0 ? h[j] : 0f;
            if (a != 0f) {
                int row = j * classes;
                for (int c = 0; c < classes; c++) {
                    z[c] += a * w2[row + c];
                }
            }
        }
        return z;
    }

    /** Calibrated class probabilities. */
    double[] probabilities(String text) {
        return softmax(logits(text), temperature);
    }

    static double[] softmax(double[] logits, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logits) {
            max = Math.max(max, z / temperature);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] / temperature - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
