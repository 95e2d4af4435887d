package io.merx.recommendation.internal;

import java.util.Locale;

import io.merx.api.HyperParameters;

/**
 * The settings of {@link SasrecLearner}, checked where they are set.
 *
 * @param dim width of the item and position embeddings and of every layer
 * @param blocks causal self-attention blocks
 * @param maxLength latest items of a user the model reads
 * @param dropout share of activations dropped while training
 * @param epochs most passes over the sequences
 * @param patience epochs without a better validation nDCG@10 before stopping
 * @param batchSize sequences per step
 * @param learningRate Adam's step size
 * @param budgetSeconds no epoch starts after this much training time
 * @param seed initial weights, batch order, negatives and dropout
 * @param loss {@link #BCE} (the paper's: one sampled negative per position) or {@link #SOFTMAX} (cross-entropy
 *     against {@code negatives} items sampled per sequence, or all items when there are no more)
 * @param negatives sampled negatives per sequence of the softmax loss
 */
record SasrecConfig(int dim, int blocks, int maxLength, double dropout, int epochs, int patience, int batchSize,
        double learningRate, int budgetSeconds, long seed, String loss, int negatives) {

    static final String BCE = "bce";
    static final String SOFTMAX = "softmax";

    SasrecConfig {
        positive("dim", dim);
        positive("blocks", blocks);
        positive("epochs", epochs);
        positive("patience", patience);
        positive("batchSize", batchSize);
        positive("budgetSeconds", budgetSeconds);
        positive("negatives", negatives);
        if (!BCE.equals(loss) && !SOFTMAX.equals(loss)) {
            throw new IllegalArgumentException("hyper-parameter 'loss' must be " + SOFTMAX + " or " + BCE + ", got "
                    + loss);
        }
        if (maxLength < 2) {
            throw new IllegalArgumentException("hyper-parameter 'maxLength' must be at least 2, got " + maxLength);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("hyper-parameter 'dropout' must be in [0, 1), got " + dropout);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("hyper-parameter 'learningRate' must be a finite number > 0, got "
                    + learningRate);
        }
    }

    static SasrecConfig of(HyperParameters hp) {
        return new SasrecConfig(hp.getInt("dim"), hp.getInt("blocks"), hp.getInt("maxLength"),
                hp.getDouble("dropout"), hp.getInt("epochs"), hp.getInt("patience"), hp.getInt("batchSize"),
                hp.getDouble("learningRate"), hp.getInt("budgetSeconds"), hp.getLong("seed"), hp.getString("loss"),
                hp.getInt("negatives"));
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("hyper-parameter '" + name + "' must be at least 1, got " + value);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "sequential dim=%d blocks=%d maxLength=%d dropout=%s epochs=%d patience=%d batchSize=%d"
                        + " learningRate=%s budgetSeconds=%d seed=%d loss=%s%s",
                dim, blocks, maxLength, dropout, epochs, patience, batchSize, learningRate, budgetSeconds, seed, loss,
                SOFTMAX.equals(loss) ? " negatives=" + negatives : "");
    }
}
