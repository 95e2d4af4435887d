package io.merx.recommendation.internal;

import java.util.Arrays;
import java.util.Locale;

import io.merx.api.HyperParameters;
import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;

/**
 * EASE (Steck 2019, "Embarrassingly Shallow Autoencoders"): the item-item matrix {@code B} minimising
 * {@code |X - XB|^2 + lambda |B|^2} with a zero diagonal, in closed form: {@code P = (X^T X + lambda I)^-1},
 * {@code B = I - P diag(1/diag(P))}, i.e. {@code B[i][j] = -P[i][j] / P[j][j]} off the diagonal. X is binary.
 *
 * <p>The inverse is dense and cubic in the item count, so only the {@code maxItems} most popular items take part
 * (the cap, stated in provenance as {@code easeItems}); the others are never recommended by the model (they come
 * after its items, by popularity) and a user's interactions with them do not count.
 *
 * @param lambda L2 penalty; Steck used 200-1000 on data sets with millions of interactions
 * @param maxItems the cap on items in the model
 */
record Ease(double lambda, int maxItems) implements Learner {

    Ease {
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("hyper-parameter 'lambda' must be a finite number > 0, got " + lambda);
        }
        if (maxItems < 2) {
            throw new IllegalArgumentException("hyper-parameter 'maxItems' must be at least 2, got " + maxItems);
        }
    }

    static Ease of(HyperParameters hp) {
        return new Ease(hp.getDouble("lambda"), hp.getInt("maxItems"));
    }

    @Override
    public ModelData fit(Interactions data, TrainingContext context) throws TrainingException {
        int n = data.itemCount();
        ModelData shape = ModelData.of(data, null, 0, 0, false);
        int m = Math.min(n, maxItems);
        // The m most popular items, numbered 0..m-1 in the dense matrices.
        int[] global = new int[m];
        int[] local = new int[n];
        Arrays.fill(local, -1);
        for (int l = 0; l < m; l++) {
            global[l] = shape.popularityOrder[l];
            local[global[l]] = l;
        }
        double[] gram = new double[m * m];
        CoOccurrence co = new CoOccurrence(data, data.itemMajor());
        for (int l = 0; l < m; l++) {
            if (context.isCancelled()) {
                throw new TrainingException("training cancelled while counting co-occurrences");
            }
            co.countRow(global[l]);
            for (int t = 0; t < co.touchedCount(); t++) {
                int other = local[co.touched(t)];
                if (other >= 0) {
                    gram[l * m + other] = co.count(co.touched(t));
                }
            }
            gram[l * m + l] += lambda;
        }
        context.progress(0.3, String.format(Locale.ROOT, "EASE: inverting the %d x %d Gram matrix", m, m));
        double[] p;
        try {
            p = SpdInverse.invert(gram, m);
        } catch (ArithmeticException e) {
            throw new TrainingException("EASE cannot invert the Gram matrix (" + e.getMessage() + "); raise lambda");
        }
        if (context.isCancelled()) {
            throw new TrainingException("training cancelled after inverting the Gram matrix");
        }
        int[][] rowItems = new int[n][];
        float[][] rowWeights = new float[n][];
        int[] none = new int[0];
        float[] noWeights = new float[0];
        Arrays.fill(rowItems, none);
        Arrays.fill(rowWeights, noWeights);
        for (int l = 0; l < m; l++) {
            TopK row = new TopK(Math.max(1, m - 1));
            for (int o = 0; o < m; o++) {
                if (o != l) {
                    double b = -p[l * m + o] / p[o * m + o];
                    if (!Double.isFinite(b)) {
                        throw new TrainingException("EASE produced a non-finite weight; raise lambda");
                    }
                    row.offer((float) b, global[o]);
                }
            }
            ItemKnn.sortedRow(row, rowItems, rowWeights, global[l]);
        }
        context.progress(1.0, String.format(Locale.ROOT, "EASE: %d items, lambda=%s", m, lambda));
        return ModelData.of(data, ItemKnn.csr(rowItems, rowWeights), Method.EASE);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ease lambda=%s maxItems=%d", lambda, maxItems);
    }
}
