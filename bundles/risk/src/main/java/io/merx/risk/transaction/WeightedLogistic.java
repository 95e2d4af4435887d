package io.merx.risk.transaction;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;

/**
 * L2-regularised logistic regression with per-row weights on standardised features, fitted by Newton's method
 * (iteratively reweighted least squares). Fraud is rare, so the trainer weighs each fraud row so that both classes
 * carry the same total weight (the imbalance handled by weighting, not by dropping good orders); the prior this
 * shifts is put back by the calibration. Thirty-odd features make the Newton system tiny: a few steps reach the
 * unique optimum, the same on every run. The intercept is not penalised.
 */
final class WeightedLogistic {

    private static final int MAX_STEPS = 50;

    private WeightedLogistic() {
    }

    /**
     * The weights and, last, the intercept.
     *
     * @param z standardised rows, n x d
     * @param y labels
     * @param rowWeight weight of each row
     * @param l2 penalty, the objective being the weighted mean log loss + l2/2 |w|^2
     */
    static double[] fit(double[][] z, boolean[] y, double[] rowWeight, double l2) {
        int n = z.length;
        int d = z[0].length;
        double totalWeight = 0;
        for (double w : rowWeight) {
            totalWeight += w;
        }
        double[] beta = new double[d + 1];
        for (int step = 0; step < MAX_STEPS; step++) {
            double[] gradient = new double[d + 1];
            double[][] hessian = new double[d + 1][d + 1];
            for (int i = 0; i < n; i++) {
                double p = sigmoid(logit(beta, z[i]));
                double g = rowWeight[i] * (p - (y[i] ? 1 : 0)) / totalWeight;
                double h = rowWeight[i] * p * (1 - p) / totalWeight;
                for (int j = 0; j <= d; j++) {
                    double xj = j == d ? 1 : z[i][j];
                    gradient[j] += g * xj;
                    for (int k = 0; k <= j; k++) {
                        hessian[j][k] += h * xj * (k == d ? 1 : z[i][k]);
                    }
                }
            }
            for (int j = 0; j <= d; j++) {
                for (int k = 0; k < j; k++) {
                    hessian[k][j] = hessian[j][k];
                }
                if (j < d) {
                    gradient[j] += l2 * beta[j];
                    hessian[j][j] += l2;
                }
                // A tiny ridge keeps a constant column (a feature absent from this data) from making it singular.
                hessian[j][j] += 1e-9;
            }
            double[] delta = new CholeskyDecomposition(new Array2DRowRealMatrix(hessian, false), 1e-12, 1e-15)
                    .getSolver().solve(new ArrayRealVector(gradient, false)).toArray();
            double norm = 0;
            for (int j = 0; j <= d; j++) {
                beta[j] -= delta[j];
                norm += delta[j] * delta[j];
            }
            if (Math.sqrt(norm) < 1e-9) {
                break;
            }
        }
        return beta;
    }

    /** {@code beta . z + intercept}, the intercept being the last element of beta. */
    static double logit(double[] beta, double[] z) {
        double s = beta[beta.length - 1];
        for (int j = 0; j < z.length; j++) {
            s += beta[j] * z[j];
        }
        return s;
    }

    static double sigmoid(double t) {
        return 1 / (1 + Math.exp(-t));
    }
}
