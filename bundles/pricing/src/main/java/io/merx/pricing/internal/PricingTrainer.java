package io.merx.pricing.internal;

import java.util.ArrayList;
import java.util.Arrays;
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
import io.merx.sdk.kind.BaseTrainer;

/**
 * Fits the demand model: first on all but the last {@code holdout} share of periods to measure out-of-sample
 * error, then on every period for the model that is kept. Deterministic: no randomness is involved.
 */
final class PricingTrainer extends BaseTrainer {

    /** The hyper-parameters this trainer reads, with their defaults and bounds: the kind publishes them. */
    static final List<ParameterSpec> PARAMETERS = Columns.with(List.of(
            ParameterSpec.choice("shrinkage", "empirical-bayes", Shrinkage.CHOICES, "empirical-bayes: shrink toward "
                    + "the category by an estimated prior; ridge: by ridgeLambda; none: least squares per product"),
            ParameterSpec.real("ridgeLambda", 10, 0, 1e9, "penalty toward the category mean with shrinkage=ridge"),
            ParameterSpec.integer("maxCrossProducts", 8, 0, 50, "substitutes per product with a cross-price term "
                    + "(largest by volume in its category); 0 for none"),
            ParameterSpec.choice("zeroUnits", "drop", List.of("drop", "reject"), "rows with 0 units have no log: "
                    + "drop them (their prices still count for substitutes) or reject the data"),
            ParameterSpec.real("holdout", 0.2, 0, 0.9, "share of the last periods held out to measure demand error")));

    PricingTrainer(ModelKind kind, HyperParameters hp) {
        super(kind, hp);
    }

    @Override
    public TrainedModel train(Dataset data, TrainingContext context) throws TrainingException {
        Columns columns = Columns.resolve(hp, data);
        SalesHistory history = SalesHistory.from(data, columns, "reject".equals(hp.getString("zeroUnits")));
        DemandEstimator estimator = new DemandEstimator(history, new DemandEstimator.Settings(
                Shrinkage.of(hp.getString("shrinkage")), hp.getDouble("ridgeLambda"), hp.getInt("maxCrossProducts")));
        context.progress(0.05, "read " + history.rows() + " rows, " + history.products.size() + " products, "
                + history.periods.size() + " periods");

        Map<String, Double> metrics = new LinkedHashMap<>();
        boolean[] test = HoldoutEvaluation.lastPeriods(history, hp.getDouble("holdout"));
        if (test != null) {
            boolean[] train = new boolean[test.length];
            for (int r = 0; r < test.length; r++) {
                train[r] = !test[r];
            }
            try {
                metrics.putAll(HoldoutEvaluation.evaluate(history, test, estimator.fit(train)));
            } catch (IllegalArgumentException tooLittleEarlyData) {
                // e.g. prices that only started to move in the held-out weeks: the full fit may still work
                metrics.put("holdoutRows", 0.0);
                context.progress(0.5, "hold-out skipped: " + tooLittleEarlyData.getMessage());
            }
            checkCancelled(context, "after the hold-out fit");
            context.progress(0.5, "hold-out " + metrics);
        }
        boolean[] all = new boolean[history.rows()];
        Arrays.fill(all, true);
        DemandModel model = estimator.fit(all);
        metrics.putAll(summary(model, history));
        context.progress(1.0, "done: " + metrics);
        // Only heap arrays: the estimator freed its ND4J buffers as it went, so closing frees nothing.
        return TrainedModel.of(provenance(data, metrics), PricingScorer.SCHEMA, warmup(model),
                directory -> PricingFiles.write(model, directory));
    }

    private static Map<String, Double> summary(DemandModel model, SalesHistory history) {
        List<Double> own = new ArrayList<>();
        double se = 0;
        int identified = 0;
        for (ProductDemand d : model.products()) {
            if (d.estimable()) {
                own.add(d.beta()[ProductDemand.OWN]);
                se += d.standardError(ProductDemand.OWN);
            }
            identified += d.identified() ? 1 : 0;
        }
        double[] sorted = own.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("products", (double) model.size());
        metrics.put("estimableProducts", (double) own.size());
        metrics.put("identifiedProducts", (double) identified);
        metrics.put("rows", (double) history.rows());
        metrics.put("zeroUnitRowsDropped", (double) history.droppedZeroRows);
        metrics.put("medianOwnElasticity", sorted[sorted.length / 2]);
        metrics.put("meanOwnStandardError", se / own.size());
        return metrics;
    }

    /** One request of each type on the first estimable product. */
    private static List<ScoreRequest> warmup(DemandModel model) {
        ProductDemand d = model.products().stream().filter(ProductDemand::estimable).findFirst().orElseThrow();
        return List.of(ScoreRequest.of(Map.of("type", "elasticity", "product", d.name())),
                ScoreRequest.of(Map.of("type", "predict", "prices", Map.of(d.name(), d.lastPrice()))),
                ScoreRequest.of(Map.of("type", "optimize", "products", List.of(d.name()), "objective", "revenue",
                        "draws", 200)));
    }
}
