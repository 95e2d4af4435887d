package io.merx.recommendation.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.ScoreRequest;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;
import io.merx.sdk.kind.BaseTrainer;

/**
 * Trains every recommendation kind: reads and aggregates the interactions, evaluates a model learned on the
 * split's training part (and, when the model is personal, the popularity baseline on the same split), then learns
 * the final model on all data. The kind's {@link Learner} is the only difference between the kinds.
 */
final class RecommendationTrainer extends BaseTrainer {

    private final Learner learner;

    RecommendationTrainer(ModelKind kind, HyperParameters hp, Learner learner) {
        super(kind, hp);
        this.learner = learner;
    }

    @Override
    public TrainedModel train(Dataset data, TrainingContext context) throws TrainingException {
        Interactions all = Interactions.from(data, Columns.of(hp));
        context.progress(0.02, String.format(Locale.ROOT, "read %d rows: %d users, %d items, %d distinct pairs",
                all.inputRows(), all.userCount(), all.itemCount(), all.size()));
        Map<String, Double> metrics = new LinkedHashMap<>();
        String splitMode = hp.getString("split");
        Interactions finalData = all;
        ModelData model = null;
        Learner finalLearner = learner;
        if (!Split.NONE.equals(splitMode)) {
            Split split = Split.of(all, splitMode, hp.getDouble("testFraction"));
            ModelData evalModel = learner.fit(split.train(), new Stage(context, 0.05, 0.45, "evaluation model: "));
            int k = hp.getInt("evalK");
            metrics.putAll(Evaluator.evaluate(split, evalModel, k, hp.getInt("evalUsers"), hp.getLong("seed"), ""));
            if (evalModel.personal()) {
                metrics.putAll(Evaluator.evaluate(split, (Factors) null, k, hp.getInt("evalUsers"),
                        hp.getLong("seed"), "popularity."));
            }
            context.progress(0.5, "evaluated on " + splitMode + " split: " + metrics);
            finalLearner = learner.chosen();
            if (!hp.getBoolean("refit")) {
                finalData = split.train();
                model = evalModel;
            }
        }
        checkCancelled(context, "before the final fit");
        if (model == null) {
            model = finalLearner.fit(finalData, new Stage(context, 0.5, 0.95, "final model: "));
        }
        model = indexed(model, context, metrics);
        metrics.putAll(learner.notes());
        metrics.put("users", (double) finalData.userCount());
        metrics.put("items", (double) finalData.itemCount());
        metrics.put("interactions", (double) finalData.size());
        ModelData saved = model;
        context.progress(1.0, "done: " + metrics);
        // Holds no native memory: factors and neighbours live on the heap (see Ranker).
        return TrainedModel.of(provenance(data, metrics), RecommendRequest.SCHEMA, warmup(finalData),
                directory -> ModelFiles.write(saved, kind.name(), directory));
    }

    /**
     * The model with an {@link AnnIndex} when it has factors and a catalogue at the kind's threshold (only the ALS
     * and automatic kinds have the parameters).
     */
    private ModelData indexed(ModelData model, TrainingContext context, Map<String, Double> metrics)
            throws TrainingException {
        if (model.factors == null || !hp.asMap().containsKey("annMinItems")) {
            return model; // popularity and item-item models, and kinds without the index (sequential, graph)
        }
        AnnConfig config = AnnConfig.of(hp);
        if (!config.indexes(model.itemCount())) {
            return model;
        }
        checkCancelled(context, "before building the index");
        context.progress(0.95, "building the HNSW index over " + model.itemCount() + " items: " + config);
        long start = System.nanoTime();
        AnnIndex index = AnnIndex.build(model, config, hp.getLong("seed"));
        metrics.put("annBuildSeconds", (System.nanoTime() - start) / 1e9);
        metrics.put("annEdges", (double) index.edges());
        return model.withAnn(index);
    }

    /** Requests that exercise every path of the scorer: known user, fold-in, unknown user, similar, score. */
    private static List<ScoreRequest> warmup(Interactions data) {
        String user = data.userId(0);
        String item = data.itemId(data.items[0]);
        String other = data.itemId(data.itemCount() - 1);
        List<ScoreRequest> samples = new ArrayList<>();
        samples.add(ScoreRequest.of(Map.of("user", user, "k", 10)));
        samples.add(ScoreRequest.of(Map.of("user", "warmup-unknown-user", "recentItems", List.of(item, other))));
        samples.add(ScoreRequest.of(Map.of("user", "warmup-unknown-user")));
        samples.add(ScoreRequest.of(Map.of("op", "similar", "item", item, "k", 5)));
        samples.add(ScoreRequest.of(Map.of("op", "score", "user", user, "items", List.of(item, other))));
        return samples;
    }

    /** Maps a training run's progress into a slice of the job's progress. */
    record Stage(TrainingContext context, double from, double to, String prefix) implements TrainingContext {
        @Override
        public void progress(double fraction, String message) {
            context.progress(from + (to - from) * fraction, prefix + message);
        }

        @Override
        public boolean isCancelled() {
            return context.isCancelled();
        }
    }
}
