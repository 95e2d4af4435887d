package io.merx.customers.internal.propensity;

import io.merx.sdk.kind.PlattScaling;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A trained propensity model, immutable: standardisation, logistic weights, Platt calibration, and the features of
 * every training customer as of the data's end (to score a customer by id). Plain arrays, no native memory, so
 * scoring needs no lock. Probabilities are of the target: {@code purchase} (an order in the next horizonDays) or
 * {@code churn} (none).
 *
 * @param target purchase or churn
 * @param horizonDays the horizon the labels looked ahead
 * @param categories the categories with a share feature
 * @param means training means of the transformed features
 * @param stds training standard deviations of the transformed features (1 for a constant one)
 * @param rawMeans training means of the untransformed features, the "average" in reason codes
 * @param weights logistic weights on the standardised features
 * @param bias the logistic intercept
 * @param plattA Platt slope on the logit
 * @param plattB Platt intercept
 * @param dataEnd the last order date in the training data: customers by id are scored as of it
 * @param customers raw features of each training customer as of dataEnd
 */
record PropensityModel(String target, int horizonDays, List<String> categories, double[] means, double[] stds,
        double[] rawMeans, double[] weights, double bias, double plattA, double plattB, LocalDate dataEnd,
        Map<String, double[]> customers) {

    /** One reason code: a feature, its value, its signed push on the logit, and the sentence saying so. */
    record Reason(String feature, double value, double contribution, String text) {
        Map<String, Object> asOutput() {
            return Map.of("feature", feature, "value", value, "contribution", contribution, "text", text);
        }
    }

    List<String> featureNames() {
        return BehaviourFeatures.names(categories);
    }

    /** The uncalibrated logit of raw features. */
    double logit(double[] raw) {
        double[] x = BehaviourFeatures.transformed(raw);
        double s = bias;
        for (int j = 0; j < x.length; j++) {
            s += weights[j] * (x[j] - means[j]) / stds[j];
        }
        return s;
    }

    /** The calibrated probability of the target. */
    double probability(double[] raw) {
        return PlattScaling.sigmoid(plattA * logit(raw) + plattB);
    }

    /**
     * The {@code count} features that moved this customer's logit most from the average customer's, largest
     * push first: contribution {@code w_j * (x_j - mean_j) / std_j}, positive raising the target's probability.
     */
    List<Reason> reasons(double[] raw, int count) {
        double[] x = BehaviourFeatures.transformed(raw);
        List<String> names = featureNames();
        List<Reason> all = new ArrayList<>();
        for (int j = 0; j < x.length; j++) {
            // Platt's slope is positive for any useful model; multiplying by it puts contributions on the
            // calibrated logit, where they are read.
            double contribution = plattA * weights[j] * (x[j] - means[j]) / stds[j];
            all.add(new Reason(names.get(j), raw[j], contribution,
                    ReasonText.describe(names.get(j), raw[j], rawMeans[j], contribution, target)));
        }
        all.sort(Comparator.comparingDouble((Reason r) -> -Math.abs(r.contribution()))
                .thenComparing(Reason::feature));
        return List.copyOf(all.subList(0, Math.min(count, all.size())));
    }
}
