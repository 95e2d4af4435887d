package io.merx.customers.internal.propensity;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * L2-regularised logistic regression on standardised features, fitted by Newton's method (iteratively reweighted
 * least squares): the n-row products on ND4J, the small Newton system by Cholesky. A dozen-odd features make the Hessian tiny, so Newton converges in a few steps to the
 * unique optimum, with no learning rate to tune and the same weights on every run. The intercept is not penalised.
 */
final class LogisticFit {

    private static final int MAX_STEPS = 50;

    private LogisticFit() {
    }

    /**
     * The weights and, last, the intercept.
     *
     * @param z standardised rows, n x d
     * @param y 0/1 labels
     * @param l2 penalty on the weights, the objective being the mean log loss + l2/2 * |w|^2
     */
    static double[] fit(double[][] z, double[] y, double l2) {
        int n = z.length;
        int d = z[0].length;
        double[][] withIntercept = new double[n][d + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(z[i], 0, withIntercept[i], 0, d);
            withIntercept[i][d] = 1;
        }
        try (INDArray x = Nd4j.create(withIntercept).castTo(DataType.DOUBLE);
                INDArray labels = Nd4j.create(y, new long[] {n, 1}, DataType.DOUBLE);
                INDArray penalty = Nd4j.eye(d + 1).castTo(DataType.DOUBLE).muli(l2)) {
            penalty.putScalar(d, d, 0);
            INDArray w = Nd4j.zeros(DataType.DOUBLE, d + 1, 1);
            for (int step = 0; step < MAX_STEPS; step++) {
                INDArray p = Transforms.sigmoid(x.mmul(w), true);
                INDArray gradient = x.transpose().mmul(p.sub(labels)).divi(n).addi(penalty.mmul(w));
                INDArray weights = p.mul(p.rsub(1)); // n x 1
                INDArray hessian = x.transpose().mmul(x.mulColumnVector(weights)).divi(n).addi(penalty);
                // A ridge of 1e-9 keeps a separable or constant column from making the Hessian singular.
                hessian.addi(Nd4j.eye(d + 1).castTo(DataType.DOUBLE).muli(1e-9));
                double[] delta = solveSpd(hessian.toDoubleMatrix(), gradient.toDoubleVector());
                double norm = 0;
                for (int j = 0; j <= d; j++) {
                    w.putScalar(j, 0, w.getDouble(j, 0) - delta[j]);
                    norm += delta[j] * delta[j];
                }
                if (Math.sqrt(norm) < 1e-9) {
                    break;
                }
            }
            return w.toDoubleVector();
        }
    }

    /**
     * Solves {@code a x = b} for a symmetric positive definite {@code a} by Cholesky. ND4J's matrix_inverse refuses
     * matrices whose determinant is below an absolute threshold, which a well-conditioned Hessian of a dozen
     * features divided by n easily is; the system is (d+1) x (d+1), so plain Java is exact and instant.
     */
    static double[] solveSpd(double[][] a, double[] b) {
        int n = b.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (sum <= 0) {
                        throw new IllegalStateException("the Hessian is not positive definite at row " + i);
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * y[k];
            }
            y[i] = sum / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = y[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k][i] * x[k];
            }
            x[i] = sum / l[i][i];
        }
        return x;
    }
}
