package io.merx.example.linear.internal;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The fitted model: feature names, standardisation and weights. Scoring computes
 * {@code b + ((x - mean) / std) . w}, passed through the logistic function for classification.
 *
 * @param features feature column names, in weight order
 * @param means per-feature means of the training data
 * @param stds per-feature standard deviations (1 where a feature was constant)
 * @param weights column vector, one weight per feature
 * @param bias intercept
 * @param classification whether outputs are probabilities
 */
record LinearParameters(List<String> features, INDArray means, INDArray stds, INDArray weights, double bias,
        boolean classification) {

    long nativeBytes() {
        return (means.length() + stds.length() + weights.length()) * means.data().getElementSize();
    }

    /**
     * The standardisation folded into the weights: {@code b + ((x - mean) / std) . w = (b - (mean / std) . w) + x .
     * (w / std)}. Scoring a row then takes one matrix product and one addition instead of five ND4J operations, each
     * of which costs a few kilobytes of heap for shapes, buffers and op contexts whatever the array's size.
     *
     * @return weights over standard deviations (a column vector the caller closes) and the intercept
     */
    Folded fold() {
        INDArray scaled = weights.div(stds.reshape(weights.shape()));
        double intercept;
        try (INDArray shift = means.div(stds)) {
            intercept = bias - shift.mmul(weights).getDouble(0);
        }
        return new Folded(scaled, intercept);
    }

    /** Weights over standard deviations and intercept, for raw (unstandardised) rows. */
    record Folded(INDArray weights, double intercept) implements AutoCloseable {

        @Override
        public void close() {
            weights.close();
        }
    }

    void close() {
        means.close();
        stds.close();
        weights.close();
    }
}
