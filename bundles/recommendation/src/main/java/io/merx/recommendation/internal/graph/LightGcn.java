package io.merx.recommendation.internal.graph;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * LightGCN (He et al., SIGIR 2020) trained by BPR with Adam: layer-0 embeddings {@code E0} of users and items,
 * final embeddings {@code E = sum_k A_hat^k E0 / (K + 1)} ({@link NormalizedAdjacency#propagate}), score of a
 * (user, item) pair = the dot product of their final embeddings.
 *
 * <p>Each Adam step takes a mini-batch of BPR triples (user, item they had, item they did not), propagates the
 * whole graph forward once, accumulates the loss gradient on the batch's rows of {@code E}, and maps it back to
 * {@code E0} with the same propagation (the map is linear and {@code A_hat} symmetric): the gradient is exact,
 * not the stale per-epoch approximation. The dense parts (gradient rows, Adam) are plain loops over heap arrays;
 * see {@link NormalizedAdjacency} for why not ND4J.
 *
 * <p>Every epoch visits every interaction once as the positive of a triple, in a seeded shuffled order, with a
 * uniformly drawn negative the user never had. Every {@code evalEvery} epochs the {@link Validation} judges the
 * current final embeddings; the best are kept, and training stops after {@code patience} checks without
 * improvement, at {@code maxEpochs}, or past the time budget. Deterministic for a seed unless the budget stops it.
 */
public final class LightGcn {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;
    private static final double INIT_STD = 0.1;

    private final LightGcnConfig config;

    public LightGcn(LightGcnConfig config) {
        this.config = config;
    }

    /** Judges final embeddings on held-out interactions: higher is better. */
    @FunctionalInterface
    public interface Validation {
        double score(float[] users, float[] items);
    }

    /** Progress and cancellation of a training run. */
    public interface Listener {
        void progress(double fraction, String message);

        boolean isCancelled();
    }

    /** Thrown when the listener asks to stop. */
    public static final class Cancelled extends Exception {
        private static final long serialVersionUID = 1L;

        Cancelled(int epoch) {
            super("training cancelled in epoch " + epoch);
        }
    }

    /**
     * The final embeddings of the best validated epoch, row-major.
     *
     * @param users {@code users x dimension}
     * @param items {@code items x dimension}
     * @param epochs epochs run
     * @param bestEpoch epoch of the kept embeddings
     * @param validation the validation score of the kept embeddings (NaN when never validated)
     * @param loss mean BPR loss of the last epoch
     */
    public record Result(float[] users, float[] items, int epochs, int bestEpoch, double validation, double loss) {
    }

    /**
     * Trains on a user-major CSR interaction list whose rows are sorted ascending.
     *
     * @throws Cancelled when the listener asks to stop
     */
    public Result train(int users, int items, int[] userPtr, int[] userItems, Validation validation,
            Listener listener) throws Cancelled {
        int d = config.dimension();
        int nodes = users + items;
        NormalizedAdjacency graph = NormalizedAdjacency.of(users, items, userPtr, userItems);
        SplittableRandom random = new SplittableRandom(config.seed());
        float[] e0 = new float[nodes * d];
        for (int i = 0; i < e0.length; i++) {
            e0[i] = (float) (gaussian(random) * INIT_STD);
        }
        int pairs = userItems.length;
        int[] pairUser = new int[pairs];
        for (int u = 0; u < users; u++) {
            Arrays.fill(pairUser, userPtr[u], userPtr[u + 1], u);
        }
        int[] order = new int[pairs];
        for (int i = 0; i < pairs; i++) {
            order[i] = i;
        }
        Adam adam = new Adam(e0.length, config.learningRate());
        float[] gradient = new float[e0.length];
        int[] negatives = new int[config.batchSize()];
        float[] best = null;
        int bestEpoch = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        int sinceBest = 0;
        double loss = Double.NaN;
        long deadline = config.budgetSeconds() == 0 ? Long.MAX_VALUE
                : System.nanoTime() + config.budgetSeconds() * 1_000_000_000L;
        int epoch = 0;
        while (epoch < config.maxEpochs()) {
            epoch++;
            shuffle(order, random);
            double lossSum = 0;
            for (int from = 0; from < pairs; from += config.batchSize()) {
                if (listener.isCancelled()) {
                    throw new Cancelled(epoch);
                }
                int to = Math.min(pairs, from + config.batchSize());
                float[] e = graph.propagate(e0, d, config.layers());
                Arrays.fill(gradient, 0f);
                int batch = to - from;
                for (int b = from; b < to; b++) {
                    int p = order[b];
                    int u = pairUser[p];
                    int pos = userItems[p];
                    if (userPtr[u + 1] - userPtr[u] >= items) {
                        negatives[b - from] = pos; // a user who had every item has no negative: no triple
                        continue;
                    }
                    int neg = negative(random, items, userItems, userPtr[u], userPtr[u + 1]);
                    negatives[b - from] = neg;
                    lossSum += bpr(e, gradient, u * d, (users + pos) * d, (users + neg) * d, d, batch);
                }
                float[] g0 = graph.propagate(gradient, d, config.layers());
                // The paper's L2 term: lambda * (|e_u0|^2 + |e_i0|^2 + |e_j0|^2) / 2 / batch, on layer 0.
                float decay = (float) (config.l2() / batch);
                for (int b = from; b < to; b++) {
                    int p = order[b];
                    addScaled(g0, e0, pairUser[p] * d, decay, d);
                    addScaled(g0, e0, (users + userItems[p]) * d, decay, d);
                    addScaled(g0, e0, (users + negatives[b - from]) * d, decay, d);
                }
                adam.step(e0, g0);
            }
            loss = lossSum / pairs;
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException("the BPR loss is no longer finite in epoch " + epoch
                        + "; lower learningRate");
            }
            boolean last = epoch == config.maxEpochs() || System.nanoTime() > deadline;
            if (epoch % config.evalEvery() == 0 || last) {
                float[] e = graph.propagate(e0, d, config.layers());
                double score = validation.score(Arrays.copyOf(e, users * d),
                        Arrays.copyOfRange(e, users * d, nodes * d));
                if (score > bestScore || best == null) {
                    bestScore = score;
                    best = e;
                    bestEpoch = epoch;
                    sinceBest = 0;
                } else {
                    sinceBest++;
                }
                listener.progress((double) epoch / config.maxEpochs(), String.format(java.util.Locale.ROOT,
                        "epoch %d: BPR loss %.4f, validation %.4f (best %.4f at epoch %d)", epoch, loss, score,
                        bestScore, bestEpoch));
                if (sinceBest >= config.patience()) {
                    break;
                }
            } else {
                listener.progress((double) epoch / config.maxEpochs(),
                        String.format(java.util.Locale.ROOT, "epoch %d: BPR loss %.4f", epoch, loss));
            }
            if (last) {
                break;
            }
        }
        return new Result(Arrays.copyOf(best, users * d), Arrays.copyOfRange(best, users * d, nodes * d), epoch,
                bestEpoch, bestScore, loss);
    }

    /**
     * Adds one triple's BPR loss gradient {@code -ln sigmoid(x_ui - x_uj)} / batch to {@code g}; returns the loss.
     */
    private static double bpr(float[] e, float[] g, int u, int i, int j, int d, int batch) {
        double x = 0;
        for (int c = 0; c < d; c++) {
            x += e[u + c] * (e[i + c] - e[j + c]);
        }
        // d/dx of -ln sigmoid(x) is -sigmoid(-x).
        float s = (float) (-1 / (1 + Math.exp(x)) / batch);
        for (int c = 0; c < d; c++) {
            float eu = e[u + c];
            g[u + c] += s * (e[i + c] - e[j + c]);
            g[i + c] += s * eu;
            g[j + c] -= s * eu;
        }
        return x > 0 ? Math.log1p(Math.exp(-x)) : -x + Math.log1p(Math.exp(x));
    }

    /** An item the user (items {@code from..to-1}, sorted) never had; the user cannot have every item. */
    private static int negative(SplittableRandom random, int items, int[] userItems, int from, int to) {
        while (true) {
            int j = random.nextInt(items);
            if (Arrays.binarySearch(userItems, from, to, j) < 0) {
                return j;
            }
        }
    }

    private static void addScaled(float[] g, float[] x, int off, float scale, int d) {
        for (int c = 0; c < d; c++) {
            g[off + c] += scale * x[off + c];
        }
    }

    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Box-Muller from the seeded stream, so the initial embeddings depend on nothing but the seed. */
    private static double gaussian(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Adam (Kingma and Ba 2015) over one flat parameter array. */
    private static final class Adam {
        private final float[] m;
        private final float[] v;
        private final double rate;
        private int t;

        Adam(int size, double rate) {
            this.m = new float[size];
            this.v = new float[size];
            this.rate = rate;
        }

        void step(float[] x, float[] g) {
            t++;
            double c1 = 1 - Math.pow(BETA1, t);
            double c2 = 1 - Math.pow(BETA2, t);
            float step = (float) (rate * Math.sqrt(c2) / c1);
            float eps = (float) (EPSILON * Math.sqrt(c2));
            for (int i = 0; i < x.length; i++) {
                float gi = g[i];
                m[i] = (float) (BETA1 * m[i] + (1 - BETA1) * gi);
                v[i] = (float) (BETA2 * v[i] + (1 - BETA2) * gi * gi);
                x[i] -= step * m[i] / ((float) Math.sqrt(v[i]) + eps);
            }
        }
    }
}
