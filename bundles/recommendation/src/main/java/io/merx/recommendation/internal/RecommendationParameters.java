package io.merx.recommendation.internal;

import java.util.ArrayList;
import java.util.List;

import io.merx.api.ParameterSpec;

/**
 * The hyper-parameters of the recommendation kinds: data columns and evaluation for all, then each kind's own.
 */
final class RecommendationParameters {

    static final List<ParameterSpec> COMMON = List.of(
            ParameterSpec.text("userColumn", "user", "column holding the user id"),
            ParameterSpec.text("itemColumn", "item", "column holding the item id"),
            ParameterSpec.text("weightColumn", "weight",
                    "column holding the interaction strength (count, quantity); used when present, else each row counts 1"),
            ParameterSpec.text("timestampColumn", "timestamp",
                    "column holding the time (number or ISO-8601 date); used when present, else row order"),
            ParameterSpec.text("categoryColumn", "category",
                    "column holding the item category, for category filters; used when present"),
            ParameterSpec.choice("split", Split.LEAVE_LAST_OUT, List.of(Split.LEAVE_LAST_OUT, Split.TIME, Split.NONE),
                    "evaluation split: each user's latest item, the latest testFraction of interactions, or none"),
            ParameterSpec.real("testFraction", 0.2, 0.01, 0.9, "share of interactions held out by the time split"),
            ParameterSpec.integer("evalK", 10, 1, RecommendRequest.MAX_K, "list length K of the metrics (ndcg@K, ...)"),
            ParameterSpec.integer("evalUsers", 5_000, 0, Integer.MAX_VALUE,
                    "evaluate at most this many users (seeded sample), 0 for all"),
            ParameterSpec.bool("refit", true,
                    "after evaluating, train the final model on all data (false: keep the model trained without the test part)"),
            ParameterSpec.integer("seed", 42, 0, Long.MAX_VALUE, "seed of the initial factors and the evaluation sample"));

    static final List<ParameterSpec> ALS = List.of(
            ParameterSpec.integer("rank", 16, 1, 512, "number of latent factors"),
            ParameterSpec.integer("iterations", 10, 1, 1_000, "ALS sweeps"),
            ParameterSpec.real("regularisation", 0.1, 0, 1e6, "L2 penalty lambda"),
            ParameterSpec.real("alpha", 10, 0, 1e6, "confidence slope: an interaction of weight r counts 1 + alpha * r"),
            ParameterSpec.choice("weighting", Weighting.LINEAR, Weighting.ALL,
                    "what r is: the summed weight (linear), ln(1 + weight) (log) or 1 for every pair (binary)"),
            ParameterSpec.bool("scaleRegularisation", true,
                    "scale lambda by each user's/item's interaction count, as Spark MLlib does"),
            ParameterSpec.choice("solver", AlsConfig.CG, List.of(AlsConfig.CG, AlsConfig.CHOLESKY),
                    "per-user solve: warm-started conjugate gradient (default, about half the work) or exact Cholesky"),
            ParameterSpec.integer("cgSteps", 3, 1, 100, "conjugate-gradient steps per solve (solver=cg)"),
            ParameterSpec.integer("threads", 0, 0, 256, "training threads; 0 = one per processor"));

    static final List<ParameterSpec> ITEM_KNN = List.of(
            ParameterSpec.integer("neighbours", 100, 1, 10_000, "most similar items kept per item"),
            ParameterSpec.real("shrinkage", 10, 0, 1e6,
                    "added to the cosine's denominator: pulls similarities from few shared users towards 0"));

    static final List<ParameterSpec> EASE = List.of(
            ParameterSpec.real("lambda", 100, 1e-6, 1e9, "L2 penalty of the item-item weights"),
            ParameterSpec.integer("maxItems", 3_000, 2, 20_000,
                    "only the most popular items take part (the inverse is dense: memory grows with the square, time"
                            + " with the cube)"));

    static final List<ParameterSpec> SEQUENTIAL = List.of(
            ParameterSpec.integer("dim", 64, 4, 512, "width of the item and position embeddings and of every layer"),
            ParameterSpec.integer("blocks", 2, 1, 8, "causal self-attention blocks"),
            ParameterSpec.integer("maxLength", 50, 2, 500, "latest items of a user the model reads"),
            ParameterSpec.real("dropout", 0.2, 0, 0.9, "share of input embeddings and feed-forward units dropped while training"),
            ParameterSpec.integer("epochs", 50, 1, 10_000, "most passes over the sequences"),
            ParameterSpec.integer("patience", 3, 1, 1_000,
                    "stop after this many epochs without a better validation nDCG@10 (each user's latest training item)"),
            ParameterSpec.integer("batchSize", 64, 1, 100_000, "sequences per Adam step"),
            ParameterSpec.real("learningRate", 0.002, 1e-6, 1, "Adam's step size"),
            ParameterSpec.integer("budgetSeconds", 60, 1, 86_400,
                    "no epoch starts after this much time in one fit (training fits twice when split is not none)"),
            ParameterSpec.choice("loss", SasrecConfig.SOFTMAX, List.of(SasrecConfig.SOFTMAX, SasrecConfig.BCE),
                    "softmax: cross-entropy of the next item against sampled negatives (all items when the catalogue"
                            + " has at most 'negatives'); bce: the paper's, one sampled negative per position"),
            ParameterSpec.integer("negatives", 256, 1, 100_000,
                    "items drawn uniformly per sequence as the softmax loss's negatives"));

    static final List<ParameterSpec> AUTO = List.of(
            ParameterSpec.integer("budgetSeconds", 120, 1, 86_400,
                    "time for the search: ALS settings and deep candidates beyond it are not tried (popularity, item-kNN,"
                            + " EASE and ALS get one try regardless)"),
            ParameterSpec.bool("deepCandidates", true,
                    "also try LightGCN and SASRec (kinds' defaults, each with a quarter of the time left) while the"
                            + " budget lasts"),
            ParameterSpec.integer("alsTrials", 9, 1, 100, "ALS settings tried at most (weighting, alpha, lambda, rank)"),
            ParameterSpec.integer("iterations", 10, 1, 1_000, "ALS sweeps of every ALS candidate"),
            ParameterSpec.integer("maxItems", 3_000, 2, 20_000, "EASE candidates use only the most popular items"),
            ParameterSpec.integer("threads", 0, 0, 256, "ALS training threads; 0 = one per processor"));

    private RecommendationParameters() {
    }

    static List<ParameterSpec> als() {
        List<ParameterSpec> own = new ArrayList<>(ALS);
        own.addAll(AnnConfig.PARAMETERS);
        return with(own);
    }

    /** The automatic kind's: its search, and the index its ALS winner gets on a large catalogue. */
    static List<ParameterSpec> auto() {
        List<ParameterSpec> own = new ArrayList<>(AUTO);
        own.addAll(AnnConfig.PARAMETERS);
        return with(own);
    }

    static List<ParameterSpec> with(List<ParameterSpec> own) {
        List<ParameterSpec> all = new ArrayList<>(own);
        all.addAll(COMMON);
        return List.copyOf(all);
    }
}
