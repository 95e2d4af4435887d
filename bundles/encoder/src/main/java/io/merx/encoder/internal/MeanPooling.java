package io.merx.encoder.internal;

/**
 * Sentence-Transformers' pooling for all-MiniLM-L6-v2: the mean of the token vectors the attention mask keeps,
 * then L2 normalisation. Padding tokens must not count, or a sentence's embedding would depend on the longest
 * sentence in its batch.
 */
final class MeanPooling {

    private MeanPooling() {
    }

    /**
     * @param hidden [batch][tokens][dimension] last hidden state
     * @param mask   [batch][tokens] 1 for real tokens, 0 for padding
     */
    static float[][] pool(float[][][] hidden, long[][] mask) {
        float[][] pooled = new float[hidden.length][];
        for (int row = 0; row < hidden.length; row++) {
            int dimension = hidden[row][0].length;
            double[] sum = new double[dimension];
            int kept = 0;
            for (int token = 0; token < hidden[row].length; token++) {
                if (mask[row][token] == 0) {
                    continue;
                }
                kept++;
                float[] vector = hidden[row][token];
                for (int d = 0; d < dimension; d++) {
                    sum[d] += vector[d];
                }
            }
            pooled[row] = normalise(sum, Math.max(kept, 1));
        }
        return pooled;
    }

    private static float[] normalise(double[] sum, int count) {
        double norm = 0;
        for (double value : sum) {
            norm += (value / count) * (value / count);
        }
        norm = Math.max(Math.sqrt(norm), 1e-12);
        float[] unit = new float[sum.length];
        for (int d = 0; d < sum.length; d++) {
            unit[d] = (float) (sum[d] / count / norm);
        }
        return unit;
    }
}
