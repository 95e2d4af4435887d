package io.merx.recommendation.internal.graph;

/**
 * LightGCN's hyper-parameters, validated here with messages naming the parameter.
 *
 * @param dimension embedding size
 * @param layers propagation layers K; layer outputs are averaged with weights 1 / (K + 1)
 * @param learningRate Adam's step size
 * @param l2 weight of the L2 penalty on the batch's layer-0 embeddings (the paper's 1e-4)
 * @param batchSize BPR triples per Adam step; the graph is propagated once per step
 * @param maxEpochs passes over all interactions at most
 * @param evalEvery epochs between two validation checks
 * @param patience validation checks without improvement before training stops
 * @param budgetSeconds training stops after the first epoch past this wall time (0: no budget)
 * @param seed seed of the initial embeddings and the BPR samples
 */
public record LightGcnConfig(int dimension, int layers, double learningRate, double l2, int batchSize, int maxEpochs,
        int evalEvery, int patience, int budgetSeconds, long seed) {

    public LightGcnConfig {
        positive("dimension", dimension);
        if (layers < 0) {
            throw new IllegalArgumentException("hyper-parameter 'layers' must be >= 0, got " + layers);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("hyper-parameter 'learningRate' must be a finite number > 0, got "
                    + learningRate);
        }
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("hyper-parameter 'l2' must be a finite number >= 0, got " + l2);
        }
        positive("batchSize", batchSize);
        positive("epochs", maxEpochs);
        positive("evalEvery", evalEvery);
        positive("patience", patience);
        if (budgetSeconds < 0) {
            throw new IllegalArgumentException("hyper-parameter 'budgetSeconds' must be >= 0, got " + budgetSeconds);
        }
    }

    /**
     * The same settings for a run of exactly {@code epochs} epochs judged once at the end: the refit on all data
     * once validation has chosen the epoch count.
     */
    public LightGcnConfig exactly(int epochs) {
        return new LightGcnConfig(dimension, layers, learningRate, l2, batchSize, epochs, epochs, 1, budgetSeconds,
                seed);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("hyper-parameter '" + name + "' must be >= 1, got " + value);
        }
    }

    @Override
    public String toString() {
        return "lightgcn dimension=" + dimension + " layers=" + layers + " learningRate=" + learningRate + " l2=" + l2
                + " batchSize=" + batchSize;
    }
}
