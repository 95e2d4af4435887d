package io.merx.pricing.internal;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.inverse.InvertMatrix;

/**
 * The few dense operations the estimator needs, on ND4J: cross products of a design matrix and the inverse of a
 * small symmetric positive-definite matrix. Buffers are freed before returning, so callers hold plain arrays.
 */
final class Nd4jAlgebra {

    private Nd4jAlgebra() {
    }

    /**
     * {@code Z'Z} for {@code Z = [X | y]}: X'X, X'y and y'y in one product, so each product's data cross the JNI
     * boundary once and both estimation stages take their sub-matrices from it.
     */
    static double[][] augmentedGram(double[][] x, double[] y) {
        int n = x.length;
        int p = n == 0 ? 0 : x[0].length;
        double[][] z = new double[n][p + 1];
        for (int r = 0; r < n; r++) {
            System.arraycopy(x[r], 0, z[r], 0, p);
            z[r][p] = y[r];
        }
        try (INDArray design = Nd4j.createFromArray(z); INDArray transposed = design.transpose();
                INDArray gram = transposed.mmul(design)) {
            return gram.toDoubleMatrix();
        }
    }

    /**
     * The inverse of a symmetric positive-definite matrix, or null when it is numerically singular (a column
     * that is a combination of others, such as a price that only moves together with a promotion).
     */
    static double[][] inverseOrNull(double[][] a) {
        int p = a.length;
        if (p == 1) {
            return a[0][0] > 1e-12 ? new double[][] {{1 / a[0][0]}} : null;
        }
        if (!positiveDefinite(a)) {
            // checked here because ND4J logs an error for every singular matrix it is asked to invert
            return null;
        }
        double[][] inverse;
        try (INDArray matrix = Nd4j.createFromArray(a); INDArray inv = InvertMatrix.invert(matrix, false)) {
            inverse = inv.toDoubleMatrix();
        } catch (RuntimeException singular) {
            return null;
        }
        for (int i = 0; i < p; i++) {
            // diag(A) * diag(A^-1) is 1 for orthogonal columns and explodes with collinearity.
            double inflation = a[i][i] * inverse[i][i];
            if (!Double.isFinite(inflation) || inflation <= 0 || inflation > 1e8) {
                return null;
            }
            for (int j = 0; j < p; j++) {
                if (!Double.isFinite(inverse[i][j])) {
                    return null;
                }
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                double mean = 0.5 * (inverse[i][j] + inverse[j][i]);
                inverse[i][j] = mean;
                inverse[j][i] = mean;
            }
        }
        return inverse;
    }

    /** Whether a Cholesky factorisation exists, on a copy scaled to unit diagonal so the test is scale-free. */
    private static boolean positiveDefinite(double[][] a) {
        int p = a.length;
        double[][] l = new double[p][p];
        for (int i = 0; i < p; i++) {
            if (!(a[i][i] > 0)) {
                return false;
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j] / Math.sqrt(a[i][i] * a[j][j]);
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (s <= 1e-10) {
                        return false;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return true;
    }
}
