package io.merx.customers.internal.segments;

import java.util.Arrays;
import java.util.Random;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Lloyd's k-means with k-means++ seeding (Arthur &amp; Vassilvitskii 2007) and several restarts, keeping the run
 * of least inertia (within-cluster sum of squared distances), as scikit-learn's {@code KMeans} does. The O(n k d)
 * step, all row-to-centroid distances, is one ND4J matrix product per iteration: |x - c|^2 = |x|^2 - 2 x.c +
 * |c|^2; the O(n d) rest (means of the clusters, seeding) is plain Java, since at these sizes an ND4J call costs
 * more than its arithmetic. A cluster that loses all its rows moves to the row farthest from its centroid.
 * Deterministic for a seed.
 */
final class KMeans {

    /**
     * A clustering of the rows.
     *
     * @param centroids k x d
     * @param assignment cluster of each row
     * @param inertia sum of squared distances of the rows to their centroids
     */
    record Clustering(double[][] centroids, int[] assignment, double inertia) {

        int k() {
            return centroids.length;
        }
    }

    private final double[][] rows;
    private final double[] rowNorms;
    private final INDArray x;

    private KMeans(double[][] rows, INDArray x) {
        this.rows = rows;
        this.x = x;
        this.rowNorms = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            rowNorms[i] = dot(rows[i], rows[i]);
        }
    }

    /** Best of {@code restarts} runs of at most {@code iterations} Lloyd steps each. */
    static Clustering fit(double[][] rows, int k, int restarts, int iterations, long seed) {
        if (rows.length < k) {
            throw new IllegalArgumentException("k-means with k=" + k + " needs at least " + k + " customers, got "
                    + rows.length);
        }
        Random random = new Random(seed);
        Clustering best = null;
        try (INDArray x = Nd4j.create(rows).castTo(DataType.DOUBLE)) {
            KMeans kMeans = new KMeans(rows, x);
            for (int run = 0; run < restarts; run++) {
                Clustering c = kMeans.lloyd(kMeans.seed(k, random), iterations);
                if (best == null || c.inertia() < best.inertia()) {
                    best = c;
                }
            }
        }
        return best;
    }

    /** The nearest centroid of each row. */
    static Clustering assign(double[][] rows, double[][] centroids) {
        try (INDArray x = Nd4j.create(rows).castTo(DataType.DOUBLE)) {
            return new KMeans(rows, x).nearest(centroids);
        }
    }

    /** k-means++: each next centre drawn with probability proportional to the squared distance to the nearest. */
    private double[][] seed(int k, Random random) {
        int n = rows.length;
        double[][] centres = new double[k][];
        centres[0] = rows[random.nextInt(n)].clone();
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int c = 1; c <= k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], squaredDistance(rows[i], centres[c - 1]));
                total += nearest[i];
            }
            if (c == k) {
                break;
            }
            int pick = random.nextInt(n); // when every row sits on a centre already
            if (total > 0) {
                double u = random.nextDouble() * total;
                for (int i = 0; i < n; i++) {
                    u -= nearest[i];
                    if (u < 0) {
                        pick = i;
                        break;
                    }
                }
            }
            centres[c] = rows[pick].clone();
        }
        return centres;
    }

    private Clustering lloyd(double[][] centres, int iterations) {
        Clustering current = nearest(centres);
        for (int it = 0; it < iterations; it++) {
            Clustering next = nearest(means(current));
            boolean stable = Arrays.equals(next.assignment(), current.assignment());
            current = next;
            if (stable) {
                break;
            }
        }
        return current;
    }

    /** Each cluster's mean; an empty cluster takes the row farthest from its centroid. */
    private double[][] means(Clustering clustering) {
        int k = clustering.k();
        int d = rows[0].length;
        double[][] sums = new double[k][d];
        int[] counts = new int[k];
        for (int i = 0; i < rows.length; i++) {
            int c = clustering.assignment()[i];
            counts[c]++;
            for (int j = 0; j < d; j++) {
                sums[c][j] += rows[i][j];
            }
        }
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) {
                sums[c] = farthestRow(clustering);
            } else {
                for (int j = 0; j < d; j++) {
                    sums[c][j] /= counts[c];
                }
            }
        }
        return sums;
    }

    private double[] farthestRow(Clustering clustering) {
        int worst = 0;
        double worstDistance = -1;
        for (int i = 0; i < rows.length; i++) {
            double d = squaredDistance(rows[i], clustering.centroids()[clustering.assignment()[i]]);
            if (d > worstDistance) {
                worstDistance = d;
                worst = i;
            }
        }
        return rows[worst].clone();
    }

    private Clustering nearest(double[][] centres) {
        double[][] products;
        try (INDArray c = Nd4j.create(centres).castTo(DataType.DOUBLE); INDArray p = x.mmul(c.transpose())) {
            products = p.toDoubleMatrix();
        }
        double[] centreNorms = new double[centres.length];
        for (int c = 0; c < centres.length; c++) {
            centreNorms[c] = dot(centres[c], centres[c]);
        }
        int[] assignment = new int[rows.length];
        double inertia = 0;
        for (int i = 0; i < rows.length; i++) {
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int c = 0; c < centres.length; c++) {
                double d = rowNorms[i] - 2 * products[i][c] + centreNorms[c];
                if (d < bestDistance) {
                    bestDistance = d;
                    best = c;
                }
            }
            assignment[i] = best;
            inertia += Math.max(0, bestDistance); // rounding can take a zero distance below 0
        }
        return new Clustering(centres, assignment, inertia);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    private static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return s;
    }
}
