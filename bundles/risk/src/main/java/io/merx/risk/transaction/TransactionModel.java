package io.merx.risk.transaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.merx.sdk.kind.PlattScaling;

/**
 * A trained {@code risk.transaction} model: the standardisation and weights of the logistic model, its
 * calibration, the cost policy, and the snapshots scoring reads instead of live systems: the order history behind
 * the velocity features and the identifier graph (from Neo4j or from the data). Immutable, heap only.
 *
 * @param features feature names, in vector order
 * @param mean feature means of the fit rows
 * @param scale feature standard deviations of the fit rows (1 where constant)
 * @param beta weights, then the intercept
 * @param calibration Platt scaling of the logit
 * @param costs the decision's costs
 * @param graphSource where the graph snapshot came from: neo4j, data or none
 * @param orders the orders of the history snapshot
 * @param history the velocity and first-use memory of {@code orders}
 * @param graph the identifier graph, null without graph features
 */
record TransactionModel(List<String> features, double[] mean, double[] scale, double[] beta, PlattScaling calibration,
        CostPolicy costs, String graphSource, List<Order> orders, OrderHistory history, IdentifierGraph graph) {

    /** One feature's push on the logit, against the average order of the training data. */
    record Reason(String feature, double value, double effect) {
    }

    double[] raw(Order order) {
        return OrderFeatures.raw(order, history, graph);
    }

    /** The features against a memory that may know more than the snapshot (orders seen since training). */
    double[] raw(Order order, OrderMemory memory) {
        return OrderFeatures.raw(order, memory, graph);
    }

    double[] standardise(double[] raw) {
        double[] z = new double[raw.length];
        for (int j = 0; j < raw.length; j++) {
            z[j] = (raw[j] - mean[j]) / scale[j];
        }
        return z;
    }

    double probability(double[] raw) {
        return calibration.probability(WeightedLogistic.logit(beta, standardise(raw)));
    }

    /** The features that raised the score most, largest first; only those that raised it. */
    List<Reason> reasons(double[] raw, int limit) {
        double[] z = standardise(raw);
        List<Reason> all = new ArrayList<>();
        for (int j = 0; j < z.length; j++) {
            // The calibration slope keeps the sign and the order; it is applied so effects add up on its scale.
            double effect = calibration.a() * beta[j] * z[j];
            if (effect > 0) {
                all.add(new Reason(features.get(j), raw[j], effect));
            }
        }
        all.sort(Comparator.comparingDouble(Reason::effect).reversed().thenComparing(Reason::feature));
        return all.subList(0, Math.min(limit, all.size()));
    }
}
