package io.merx.nlp.internal;

/**
 * The intent head of format-1 models (Merx before issue 22): hashed TF-IDF features, one ReLU hidden layer and a
 * softmax, trained with DL4J. New models use {@link LinearHead}; this stays so that saved models still load and
 * score as they did. Scored in plain Java: a message touches a few hundred of tens of thousands of inputs, so the
 * first layer is a sum of a few hundred weight rows.
 *
 * @param hidden hidden units
 * @param w1 input-to-hidden weights, row-major {@code [dimension][hidden]}
 * @param b1 hidden biases
 * @param w2 hidden-to-output weights, row-major {@code [hidden][labels]}
 * @param b2 output biases
 */
record IntentNetwork(int hidden, float[] w1, float[] b1, float[] w2, float[] b2) implements IntentHead {

    @Override
    public double[] logits(SparseVector x) {
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
}
