package io.merx.nlp.internal;

/**
 * Two softmax heads, one on the n-grams and one on the sentence embedding, fitted apart and combined as a weighted
 * product of their probabilities: {@code p ∝ p_ngrams^a · p_embedding}.
 *
 * <p>Why apart: fitted as one head, AdaGrad's equal steps let a message's hundreds of sparse n-grams outweigh its 384
 * dense embedding values, and no single learning rate suits both (on Banking77 the joint head reached 0.935, the
 * fused pair 0.94; docs/benchmarks/nlp.md). Since {@code log p = z - logsumexp(z)} and the second term is the same
 * for every class, the product's logits are {@code a·z_ngrams + z_embedding}: the fused model is one linear head
 * over the same inputs, stored and scored exactly as before.
 */
final class HeadFusion {

    /** Weights of the n-gram head tried on the tuning rows (the embedding head's weight is 1). */
    static final double[] NGRAM_WEIGHTS = {0.25, 0.5, 0.75, 1, 1.5, 2};

    /** The n-gram head's weight chosen and the fused heads' accuracy with it on the tuning rows. */
    record Choice(double ngramWeight, double accuracy) {
    }

    private HeadFusion() {
    }

    /**
     * The weight in {@link #NGRAM_WEIGHTS} whose fusion is most accurate on the rows whose logits are given (the
     * smaller weight on a tie).
     *
     * @param ngramLogits the n-gram head's logits, one row per message
     * @param embeddingLogits the embedding head's logits for the same messages
     * @param truth each message's intent
     */
    static Choice choose(double[][] ngramLogits, double[][] embeddingLogits, int[] truth) {
        Choice best = null;
        for (double a : NGRAM_WEIGHTS) {
            int correct = 0;
            for (int i = 0; i < truth.length; i++) {
                double[] z = new double[ngramLogits[i].length];
                for (int c = 0; c < z.length; c++) {
                    z[c] = a * ngramLogits[i][c] + embeddingLogits[i][c];
                }
                correct += Calibration.argMax(z) == truth[i] ? 1 : 0;
            }
            double accuracy = correct / (double) Math.max(1, truth.length);
            if (best == null || accuracy > best.accuracy()) {
                best = new Choice(a, accuracy);
            }
        }
        return best;
    }

    /**
     * One head over the n-grams followed by the embedding ({@link IntentModel#combine}'s layout) whose logits are
     * {@code ngramWeight} times the n-gram head's plus the embedding head's.
     */
    static LinearHead fuse(LinearHead ngrams, LinearHead embedding, double ngramWeight) {
        if (ngrams.classes() != embedding.classes()) {
            throw new IllegalArgumentException("heads differ in classes: " + ngrams.classes() + " and "
                    + embedding.classes());
        }
        int classes = ngrams.classes();
        float[] w = new float[(ngrams.inputs() + embedding.inputs()) * classes];
        float[] nw = ngrams.w();
        for (int i = 0; i < nw.length; i++) {
            w[i] = (float) (ngramWeight * nw[i]);
        }
        System.arraycopy(embedding.w(), 0, w, nw.length, embedding.w().length);
        float[] b = new float[classes];
        for (int c = 0; c < classes; c++) {
            b[c] = (float) (ngramWeight * ngrams.b()[c] + embedding.b()[c]);
        }
        return new LinearHead(ngrams.inputs() + embedding.inputs(), classes, w, b);
    }
}
