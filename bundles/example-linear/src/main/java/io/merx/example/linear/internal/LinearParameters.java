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

    void close() {
        means.close();
        stds.close();
        weights.close();
    }
}
