package io.merx.risk.review;

/**
 * Weighted L2 logistic regression by Newton's method, for a handful of standardised features (the last weight is
 * the unpenalised intercept). Also Platt scaling, which is the one-feature case without penalty. Newton rather than
 * gradient descent: with ten features a 10x10 solve per step converges in a few steps, exactly and deterministically.
 */
final class Logistic {

    private Logistic() {
    }

    /**
     * Fits weights and intercept.
     *
     * @param x rows of features
     * @param y 0/1 labels
     * @param rowWeight weight of each row (class weighting for imbalance)
     * @param l2 penalty on the weights (not the intercept)
     * @return d weights followed by the intercept
     */
    static double[] fit(double[][] x, double[] y, double[] rowWeight, double l2) {
        int d = x.length == 0 ? 0 : x[0].length;
        int m = d + 1;
        double[] w = new double[m];
        for (int iteration = 0; iteration < 50; iteration++) {
            double[] g = new double[m];
            double[][] h = new double[m][m];
            for (int j = 0; j < d; j++) {
                g[j] = l2 * w[j];
                h[j][j] = l2 + 1e-9;
            }
            h[d][d] = 1e-9;
            for (int i = 0; i < x.length; i++) {
                double p = sigmoid(dot(w, x[i]));
                double r = rowWeight[i] * (p - y[i]);
                double c = rowWeight[i] * Math.max(p * (1 - p), 1e-12);
                for (int a = 0; a < m; a++) {
                    double xa = a < d ? x[i][a] : 1;
                    g[a] += r * xa;
                    for (int b = 0; b <= a; b++) {
                        h[a][b] += c * xa * (b < d ? x[i][b] : 1);
                    }
                }
            }
            for (int a = 0; a < m; a++) {
                for (int b = a + 1; b < m; b++) {
                    h[a][b] = h[b][a];
                }
            }
            double[] step = solve(h, g);
            double size = 0;
            for (int a = 0; a < m; a++) {
                w[a] -= step[a];
                size += Math.abs(step[a]);
            }
            if (size < 1e-10) {
                break;
            }
        }
        return w;
    }

    /** Platt scaling {@code {a, b}} of {@code p = sigmoid(a s + b)}, with Platt's smoothed targets. */
    static double[] platt(double[] s, boolean[] y) {
        int positives = 0;
        for (boolean label : y) {
            positives += label ? 1 : 0;
        }
        double hi = (positives + 1.0) / (positives + 2.0);
        double lo = 1.0 / (y.length - positives + 2.0);
        double[][] x = new double[s.length][];
        double[] t = new double[s.length];
        double[] ones = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            x[i] = new double[] {s[i]};
            t[i] = y[i] ? hi : lo;
            ones[i] = 1;
        }
        return fit(x, t, ones, 0);
    }

    /** w.x + intercept, for weights as {@link #fit} returns them. */
    static double dot(double[] w, double[] x) {
        double s = w[x.length];
        for (int j = 0; j < x.length; j++) {
            s += w[j] * x[j];
        }
        return s;
    }

    static double sigmoid(double t) {
        return 1 / (1 + Math.exp(-t));
    }

    /** Gaussian elimination with partial pivoting; the Hessian is positive definite thanks to the ridge. */
    private static double[] solve(double[][] a0, double[] b0) {
        int n = b0.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = a0[i].clone();
        }
        double[] b = b0.clone();
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] row = a[col];
            a[col] = a[pivot];
            a[pivot] = row;
            double v = b[col];
            b[col] = b[pivot];
            b[pivot] = v;
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / a[col][col];
                for (int c = col; c < n; c++) {
                    a[r][c] -= f * a[col][c];
                }
                b[r] -= f * b[col];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int c = r + 1; c < n; c++) {
                s -= a[r][c] * x[c];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }
}
