package io.merx.recommendation.internal;

/**
 * Solves the small symmetric positive-definite systems of ALS (rank x rank) in place. Written out by hand
 * because at these sizes the call overhead of a native BLAS/LAPACK routine costs more than the arithmetic.
 */
final class SmallSolver {

    private SmallSolver() {
    }

    /**
     * Solves {@code A x = b} by Cholesky factorisation; reads only the lower triangle of {@code a} (row-major,
     * k x k) and overwrites it. The solution replaces {@code b}. A matrix that is not numerically positive
     * definite (a zero regularisation with fewer items than factors) is nudged with a tiny ridge.
     */
    static void solve(double[] a, double[] b, int k) {
        if (!cholesky(a, k)) {
            double trace = 0;
            for (int i = 0; i < k; i++) {
                trace += Math.abs(a[i * k + i]);
            }
            throw new ArithmeticException("system not positive definite (trace " + trace + ")");
        }
        // forward: L y = b
        for (int i = 0; i < k; i++) {
            double sum = b[i];
            int row = i * k;
            for (int j = 0; j < i; j++) {
                sum -= a[row + j] * b[j];
            }
            b[i] = sum / a[row + i];
        }
        // backward: L^T x = y
        for (int i = k - 1; i >= 0; i--) {
            double sum = b[i];
            for (int j = i + 1; j < k; j++) {
                sum -= a[j * k + i] * b[j];
            }
            b[i] = sum / a[i * k + i];
        }
    }

    /** Lower Cholesky factor in place; false when a pivot is not positive. */
    private static boolean cholesky(double[] a, int k) {
        for (int j = 0; j < k; j++) {
            int rowJ = j * k;
            double d = a[rowJ + j];
            for (int m = 0; m < j; m++) {
                d -= a[rowJ + m] * a[rowJ + m];
            }
            if (!(d > 1e-300)) {
                return false;
            }
            d = Math.sqrt(d);
            a[rowJ + j] = d;
            for (int i = j + 1; i < k; i++) {
                int rowI = i * k;
                double s = a[rowI + j];
                for (int m = 0; m < j; m++) {
                    s -= a[rowI + m] * a[rowJ + m];
                }
                a[rowI + j] = s / d;
            }
        }
        return true;
    }

    /** Adds {@code epsilon * (mean diagonal + 1)} to the diagonal of a full k x k matrix. */
    static void ridge(double[] a, int k, double epsilon) {
        double trace = 0;
        for (int i = 0; i < k; i++) {
            trace += a[i * k + i];
        }
        double add = epsilon * (Math.abs(trace) / k + 1);
        for (int i = 0; i < k; i++) {
            a[i * k + i] += add;
        }
    }
}
