package io.merx.nlp.internal;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * How far a message's embedding lies from the intents the model knows: the smallest Mahalanobis distance to a
 * class centroid under one covariance shared by all classes (Lee et al., 2018). A question about something the
 * shop never trained on lands between the clusters even when the softmax is confidently wrong about it, which a
 * plain confidence threshold cannot see. Fitting inverts the covariance once (commons-math3's Cholesky
 * decomposition; it is symmetric positive definite with the ridge); scoring is plain Java.
 *
 * <p>Scoring expands {@code (x-m)'P(x-m) = x'Px - 2 (Pm)'x + m'Pm}, with {@code Pm} and {@code m'Pm} computed once,
 * so a message costs one {@code d x d} product and one dot product per intent.
 */
final class MahalanobisScope {

    /** Ridge added to the covariance's diagonal, relative to its mean variance: embeddings are nearly degenerate. */
    static final double SHRINKAGE = 0.05;

    private final int dimension;
    private final float[] means;
    private final float[] precision;
    private final double[] projectedMeans;
    private final double[] meanNorms;

    /**
     * @param dimension embedding length
     * @param means class centroids, row-major {@code [classes][dimension]}
     * @param precision inverse of the shared covariance (with a small ridge), row-major {@code [dimension][dimension]}
     */
    MahalanobisScope(int dimension, float[] means, float[] precision) {
        if (dimension <= 0 || means.length % dimension != 0 || precision.length != dimension * dimension) {
            throw new IllegalArgumentException("centroids hold " + means.length + " and precision " + precision.length
                    + " values, which do not fit the dimension " + dimension);
        }
        this.dimension = dimension;
        this.means = means;
        this.precision = precision;
        int classes = means.length / dimension;
        this.projectedMeans = new double[means.length];
        this.meanNorms = new double[classes];
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < dimension; i++) {
                double sum = 0;
                for (int j = 0; j < dimension; j++) {
                    sum += precision[i * dimension + j] * means[c * dimension + j];
                }
                projectedMeans[c * dimension + i] = sum;
                meanNorms[c] += means[c * dimension + i] * sum;
            }
        }
    }

    int dimension() {
        return dimension;
    }

    float[] means() {
        return means;
    }

    float[] precision() {
        return precision;
    }

    /** Centroids and shared covariance of {@code rows} of the embeddings. */
    static MahalanobisScope fit(float[][] embeddings, int[] y, int[] rows, int classes) {
        int d = embeddings[rows[0]].length;
        double[] sums = new double[classes * d];
        int[] counts = new int[classes];
        for (int row : rows) {
            counts[y[row]]++;
            for (int j = 0; j < d; j++) {
                sums[y[row] * d + j] += embeddings[row][j];
            }
        }
        float[] means = new float[classes * d];
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < d; j++) {
                means[c * d + j] = counts[c] == 0 ? 0f : (float) (sums[c * d + j] / counts[c]);
            }
        }
        // Covariance of the rows around their own class centroid; the upper triangle, mirrored.
        double[][] covariance = new double[d][d];
        double[] centred = new double[d];
        for (int row : rows) {
            float[] e = embeddings[row];
            int c = y[row];
            for (int j = 0; j < d; j++) {
                centred[j] = e[j] - means[c * d + j];
            }
            for (int i = 0; i < d; i++) {
                double ci = centred[i];
                double[] out = covariance[i];
                for (int j = i; j < d; j++) {
                    out[j] += ci * centred[j];
                }
            }
        }
        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += covariance[i][i] / rows.length;
        }
        double ridge = SHRINKAGE * trace / d;
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                covariance[i][j] /= rows.length;
                covariance[j][i] = covariance[i][j];
            }
            covariance[i][i] += ridge;
        }
        RealMatrix inverse = new CholeskyDecomposition(new Array2DRowRealMatrix(covariance, false)).getSolver()
                .getInverse();
        float[] precision = new float[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                precision[i * d + j] = (float) inverse.getEntry(i, j);
            }
        }
        return new MahalanobisScope(d, means, precision);
    }

    /** The smallest squared Mahalanobis distance from {@code embedding} to a class centroid. */
    double distance(float[] embedding) {
        int d = dimension;
        double quadratic = 0;
        for (int i = 0; i < d; i++) {
            double row = 0;
            int offset = i * d;
            for (int j = 0; j < d; j++) {
                row += precision[offset + j] * embedding[j];
            }
            quadratic += embedding[i] * row;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int c = 0; c < meanNorms.length; c++) {
            double cross = 0;
            int offset = c * d;
            for (int j = 0; j < d; j++) {
                cross += projectedMeans[offset + j] * embedding[j];
            }
            best = Math.min(best, quadratic - 2 * cross + meanNorms[c]);
        }
        return Math.max(0, best);
    }
}
