package io.merx.benchmarks.pricing;

/**
 * Plain ordinary least squares in Java, independent of Merx and ND4J: the peer that Merx's elasticities are set
 * against. Solves the normal equations by Gauss-Jordan elimination with partial pivoting and gives Student-t 95 %
 * intervals, as R's {@code confint(lm(...))} would.
 */
final class ReferenceOls {

    final double[] beta;
    final double[] se;
    final double s2;
    final int df;

    private ReferenceOls(double[] beta, double[] se, double s2, int df) {
        this.beta = beta;
        this.se = se;
        this.s2 = s2;
        this.df = df;
    }

    /** Fits y on the columns of x (include a column of ones for the intercept). */
    static ReferenceOls fit(double[][] x, double[] y) {
        int n = x.length;
        int p = x[0].length;
        if (n <= p) {
            throw new IllegalArgumentException(n + " rows for " + p + " coefficients");
        }
        double[][] a = new double[p][2 * p + 1];
        for (double[] row : x) {
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    a[i][j] += row[i] * row[j];
                }
            }
        }
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < p; i++) {
                a[i][2 * p] += x[r][i] * y[r];
            }
        }
        for (int i = 0; i < p; i++) {
            a[i][p + i] = 1;
        }
        for (int c = 0; c < p; c++) {
            int pivot = c;
            for (int r = c + 1; r < p; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            double d = a[c][c];
            if (Math.abs(d) < 1e-12) {
                throw new IllegalArgumentException("singular design");
            }
            for (int j = 0; j < a[c].length; j++) {
                a[c][j] /= d;
            }
            for (int r = 0; r < p; r++) {
                if (r != c && a[r][c] != 0) {
                    double f = a[r][c];
                    for (int j = 0; j < a[r].length; j++) {
                        a[r][j] -= f * a[c][j];
                    }
                }
            }
        }
        double[] beta = new double[p];
        for (int i = 0; i < p; i++) {
            beta[i] = a[i][2 * p];
        }
        double rss = 0;
        for (int r = 0; r < n; r++) {
            double e = y[r];
            for (int i = 0; i < p; i++) {
                e -= beta[i] * x[r][i];
            }
            rss += e * e;
        }
        int df = n - p;
        double s2 = rss / df;
        double[] se = new double[p];
        for (int i = 0; i < p; i++) {
            se[i] = Math.sqrt(s2 * a[i][p + i]);
        }
        return new ReferenceOls(beta, se, s2, df);
    }

    double predict(double[] x) {
        double s = 0;
        for (int i = 0; i < beta.length; i++) {
            s += beta[i] * x[i];
        }
        return s;
    }

    double low(int i) {
        return beta[i] - t975(df) * se[i];
    }

    double high(int i) {
        return beta[i] + t975(df) * se[i];
    }

    /** 97.5 % quantile of Student's t (Cornish-Fisher expansion around the normal; 1e-3 accurate for df >= 4). */
    static double t975(int df) {
        double z = 1.959963984540054;
        double v = df;
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        double z7 = z5 * z * z;
        return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
                + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v);
    }
}
