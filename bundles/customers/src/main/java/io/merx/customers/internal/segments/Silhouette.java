package io.merx.customers.internal.segments;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The mean silhouette (Rousseeuw 1987) of a clustering, as scikit-learn's {@code silhouette_score} defines it:
 * for each row, (b - a) / max(a, b), a the mean distance to the rest of its cluster, b the least mean distance to
 * another cluster; 0 for a row alone in its cluster. Pairwise Euclidean distances in one ND4J product, so the
 * rows given should be at most a few thousand (the trainer passes a seeded sample).
 */
final class Silhouette {

    private Silhouette() {
    }

    static double mean(double[][] rows, int[] assignment, int k) {
        int n = rows.length;
        double[][] oneHot = new double[n][k];
        int[] counts = new int[k];
        for (int i = 0; i < n; i++) {
            oneHot[i][assignment[i]] = 1;
            counts[assignment[i]]++;
        }
        double[][] sums;
        try (INDArray x = Nd4j.create(rows).castTo(DataType.DOUBLE);
                INDArray norms = x.mul(x).sum(true, 1);
                INDArray distances = x.mmul(x.transpose());
                INDArray a = Nd4j.create(oneHot).castTo(DataType.DOUBLE)) {
            // In place: |x|^2 - 2 x.y + |y|^2, clipped at 0 against rounding, square root.
            distances.muli(-2).addiColumnVector(norms).addiRowVector(norms.reshape(1, n));
            Transforms.sqrt(Transforms.max(distances, 0.0, false), false);
            try (INDArray perCluster = distances.mmul(a)) {
                sums = perCluster.toDoubleMatrix();
            }
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            int own = assignment[i];
            if (counts[own] <= 1) {
                continue; // silhouette 0
            }
            double within = sums[i][own] / (counts[own] - 1);
            double between = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && counts[c] > 0) {
                    between = Math.min(between, sums[i][c] / counts[c]);
                }
            }
            double max = Math.max(within, between);
            total += max > 0 && Double.isFinite(between) ? (between - within) / max : 0;
        }
        return total / n;
    }
}
