package io.merx.customers.internal.segments;

/**
 * Standardises transformed features (z-scores with the training means and standard deviations), then weighs each
 * feature: the base features by 1, the category shares by {@code categoryWeight}, so the category mix informs
 * segments without outvoting recency, frequency and value. Stored with the model so a new customer is placed in
 * the same space.
 *
 * @param means per-feature mean of the training customers
 * @param stds per-feature standard deviation (1 where a feature is constant)
 * @param weights per-feature weight after standardising
 */
record Scaler(double[] means, double[] stds, double[] weights) {

    /** Fits on transformed training rows. */
    static Scaler fit(double[][] rows, double categoryWeight) {
        int d = rows[0].length;
        double[] means = new double[d];
        double[] stds = new double[d];
        double[] weights = new double[d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                means[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            means[j] /= rows.length;
        }
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                stds[j] += (row[j] - means[j]) * (row[j] - means[j]);
            }
        }
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(stds[j] / rows.length);
            stds[j] = sd > 1e-12 ? sd : 1.0; // a constant feature stays 0 everywhere, not NaN
            weights[j] = j < RfmFeatures.BASE_COUNT ? 1.0 : categoryWeight;
        }
        return new Scaler(means, stds, weights);
    }

    /** A transformed row in model space. */
    double[] apply(double[] transformed) {
        double[] z = new double[transformed.length];
        for (int j = 0; j < z.length; j++) {
            z[j] = (transformed[j] - means[j]) / stds[j] * weights[j];
        }
        return z;
    }

    /** The z-score of feature {@code j} for a point of model space (the weight taken back out). */
    double zScore(double[] point, int j) {
        return weights[j] == 0 ? 0 : point[j] / weights[j];
    }
}
