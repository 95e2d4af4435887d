package io.merx.nlp.internal;

/**
 * A multinomial logistic regression (one softmax layer) on the message's features: n-gram TF-IDF and, when the
 * model was trained with a sentence encoder, its embedding. Linear, so training takes seconds and a message costs
 * a sum of a few hundred weight rows.
 *
 * @param inputs feature dimension
 * @param classes intents
 * @param w weights, row-major {@code [inputs][classes]}
 * @param b biases
 */
record LinearHead(int inputs, int classes, float[] w, float[] b) implements IntentHead {

    LinearHead {
        if (w.length != (long) inputs * classes || b.length != classes) {
            throw new IllegalArgumentException("weights hold " + w.length + " and " + b.length + " values, expected "
                    + (long) inputs * classes + " and " + classes);
        }
    }

    @Override
    public double[] logits(SparseVector x) {
        double[] z = new double[classes];
        for (int c = 0; c < classes; c++) {
            z[c] = b[c];
        }
        int[] indices = x.indices();
        float[] values = x.values();
        for (int n = 0; n < indices.length; n++) {
            int row = indices[n] * classes;
            float v = values[n];
            for (int c = 0; c < classes; c++) {
                z[c] += v * w[row + c];
            }
        }
        return z;
    }
}
