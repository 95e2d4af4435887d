package io.merx.customers.internal.propensity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.ParameterSpec;
import io.merx.api.ScoreRequest;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;
import io.merx.customers.internal.CustomerHistories;
import io.merx.customers.internal.CustomerHistory;
import io.merx.customers.internal.OrderColumns;
import io.merx.customers.internal.OrderDates;
import io.merx.sdk.kind.BaseTrainer;
import io.merx.sdk.kind.PlattScaling;

/**
 * Trains {@link PropensityModel}: behaviour features at past cutoffs ({@link Cutoffs}), an L2 logistic regression
 * on the older cutoffs, Platt scaling on the newest training cutoff, and the held-out metrics on the last cutoff,
 * whose labels (the data's last horizon) the model never saw. The model served is the one measured.
 */
final class PropensityTrainer extends BaseTrainer {

    static final List<ParameterSpec> PARAMETERS = parameters();

    private static List<ParameterSpec> parameters() {
        List<ParameterSpec> parameters = new ArrayList<>(List.of(
                ParameterSpec.choice("target", "purchase", List.of("purchase", "churn"),
                        "purchase: probability of an order in the next horizonDays; churn: of none"),
                ParameterSpec.integer("horizonDays", 90, 7, 3650, "how far ahead the probability looks, in days"),
                ParameterSpec.integer("cutoffs", 3, 1, 50,
                        "past cutoffs, one horizon apart, whose labels fit the weights (the calibration and "
                                + "evaluation cutoffs come on top)"),
                ParameterSpec.real("l2", 0.01, 0, 1e4, "L2 penalty on the standardised weights"),
                ParameterSpec.integer("maxCategories", 10, 0, 100,
                        "categories with the most spend that get a share-of-spend feature")));
        parameters.addAll(OrderColumns.PARAMETERS);
        return List.copyOf(parameters);
    }

    PropensityTrainer(ModelKind kind, HyperParameters hp) {
        super(kind, hp);
    }

    @Override
    public TrainedModel train(Dataset data, TrainingContext context) throws TrainingException {
        CustomerHistories histories = CustomerHistories.from(data, OrderColumns.of(hp));
        int horizon = hp.getInt("horizonDays");
        boolean churn = "churn".equals(hp.getString("target"));
        int end = histories.endDay();
        Cutoffs cutoffs = Cutoffs.of(histories.firstDay(), end, horizon, hp.getInt("cutoffs"));
        List<String> categories = BehaviourFeatures.topCategories(histories, hp.getInt("maxCategories"));

        List<Example> fitRows = new ArrayList<>();
        for (int cutoff : cutoffs.fit()) {
            fitRows.addAll(Cutoffs.examples(histories, cutoff, horizon, categories));
        }
        List<Example> calibrationRows = Cutoffs.examples(histories, cutoffs.calibration(), horizon, categories);
        List<Example> evaluationRows = Cutoffs.examples(histories, cutoffs.evaluation(), horizon, categories);
        requireBothClasses(fitRows, "fit cutoffs");
        requireBothClasses(calibrationRows, "calibration cutoff " + OrderDates.date(cutoffs.calibration()));
        context.progress(0.2, fitRows.size() + " fit rows, " + calibrationRows.size() + " calibration rows, "
                + evaluationRows.size() + " evaluation rows");
        checkCancelled(context, "after the features");

        int d = BehaviourFeatures.names(categories).size();
        double[] means = new double[d];
        double[] stds = new double[d];
        double[] rawMeans = new double[d];
        double[][] transformed = new double[fitRows.size()][];
        double[] y = new double[fitRows.size()];
        for (int i = 0; i < fitRows.size(); i++) {
            transformed[i] = BehaviourFeatures.transformed(fitRows.get(i).raw());
            y[i] = label(fitRows.get(i), churn) ? 1 : 0;
            for (int j = 0; j < d; j++) {
                means[j] += transformed[i][j] / fitRows.size();
                rawMeans[j] += fitRows.get(i).raw()[j] / fitRows.size();
            }
        }
        for (double[] row : transformed) {
            for (int j = 0; j < d; j++) {
                stds[j] += (row[j] - means[j]) * (row[j] - means[j]) / fitRows.size();
            }
        }
        for (int j = 0; j < d; j++) {
            stds[j] = stds[j] > 1e-12 ? Math.sqrt(stds[j]) : 1.0; // a constant feature keeps weight 0, not NaN
        }
        double[][] z = new double[transformed.length][d];
        for (int i = 0; i < z.length; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (transformed[i][j] - means[j]) / stds[j];
            }
        }
        double[] fitted = LogisticFit.fit(z, y, hp.getDouble("l2"));
        double[] weights = java.util.Arrays.copyOf(fitted, d);
        PropensityModel uncalibrated = new PropensityModel(hp.getString("target"), horizon, categories, means, stds,
                rawMeans, weights, fitted[d], 1, 0, OrderDates.date(end), Map.of());
        context.progress(0.6, "fitted " + d + " weights");
        checkCancelled(context, "after the fit");

        double[] logits = new double[calibrationRows.size()];
        boolean[] calibrationLabels = new boolean[calibrationRows.size()];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = uncalibrated.logit(calibrationRows.get(i).raw());
            calibrationLabels[i] = label(calibrationRows.get(i), churn);
        }
        PlattScaling platt = PlattScaling.fit(logits, calibrationLabels);

        Map<String, double[]> customers = new LinkedHashMap<>();
        for (CustomerHistory history : histories.customers()) {
            customers.put(history.customer(), BehaviourFeatures.raw(history, end, histories.categories(), categories));
        }
        PropensityModel model = new PropensityModel(hp.getString("target"), horizon, categories, means, stds,
                rawMeans, weights, fitted[d], platt.a(), platt.b(), OrderDates.date(end), customers);

        Map<String, Double> metrics = new LinkedHashMap<>();
        if (!evaluationRows.isEmpty()) {
            double[] p = new double[evaluationRows.size()];
            boolean[] truth = new boolean[evaluationRows.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = model.probability(evaluationRows.get(i).raw());
                truth[i] = label(evaluationRows.get(i), churn);
            }
            metrics.putAll(HoldoutMetrics.of(p, truth));
        }
        metrics.put("fitRows", (double) fitRows.size());
        metrics.put("calibrationRows", (double) calibrationRows.size());
        metrics.put("evaluationRows", (double) evaluationRows.size());
        metrics.put("plattA", platt.a());
        metrics.put("plattB", platt.b());
        context.progress(1.0, "held out on " + evaluationRows.size() + " customers at cutoff "
                + OrderDates.date(cutoffs.evaluation()) + ": " + metrics);

        List<ScoreRequest> warmup = new ArrayList<>();
        for (String customer : customers.keySet()) {
            if (warmup.size() == 3) {
                break;
            }
            warmup.add(ScoreRequest.of(Map.of("customer", customer)));
        }
        return TrainedModel.of(provenance(data, metrics), PropensityScorer.SCHEMA, warmup,
                directory -> PropensityModelFiles.write(model, directory));
    }

    /** The 0/1 label of the target: purchase = bought in the horizon, churn = did not. */
    static boolean label(Example row, boolean churn) {
        return churn != row.bought();
    }

    private static void requireBothClasses(List<Example> rows, String where) {
        long bought = rows.stream().filter(Example::bought).count();
        if (bought == 0 || bought == rows.size()) {
            throw new IllegalArgumentException("the " + where + " have " + rows.size() + " customers of whom "
                    + bought + " bought in the horizon: both outcomes are needed; change horizonDays or cutoffs");
        }
    }
}
