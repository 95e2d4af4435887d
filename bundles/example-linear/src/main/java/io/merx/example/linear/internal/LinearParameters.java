package io.merx.example.linear.internal;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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
     * The standardisation and the bias folded into one column of weights: {@code b + ((x - mean) / std) . w =
     * [x, 1] . [w / std; b - (mean / std) . w]}. Scoring rows then takes a single matrix product instead of five ND4J
     * operations, each of which costs a few kilobytes of heap for shapes, buffers and op contexts whatever the
     * array's size.
     *
     * @return {@code features + 1} weights (a column vector the caller closes) for rows that end in a 1
     */
    Folded fold() {
        try (INDArray scaled = weights.div(stds.reshape(weights.shape()));
                INDArray shift = means.div(stds);
                INDArray shifted = shift.mmul(weights);
                INDArray intercept = Nd4j.scalar(weights.dataType(), bias - shifted.getDouble(0)).reshape(1, 1)) {
            return new Folded(Nd4j.vstack(scaled, intercept));
        }
    }

    /** Weights over standard deviations, then the intercept, for raw rows with a trailing 1. */
    record Folded(INDArray weights) implements AutoCloseable {

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
