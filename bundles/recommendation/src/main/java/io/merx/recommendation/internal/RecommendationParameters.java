package io.merx.recommendation.internal;

import java.util.ArrayList;
import java.util.List;

import io.merx.api.ParameterSpec;

/** The hyper-parameters of the two kinds: data columns and evaluation for both, the ALS settings for ALS. */
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
            ParameterSpec.bool("scaleRegularisation", true,
                    "scale lambda by each user's/item's interaction count, as Spark MLlib does"),
            ParameterSpec.choice("solver", AlsConfig.CG, List.of(AlsConfig.CG, AlsConfig.CHOLESKY),
                    "per-user solve: warm-started conjugate gradient (default, about half the work) or exact Cholesky"),
            ParameterSpec.integer("cgSteps", 3, 1, 100, "conjugate-gradient steps per solve (solver=cg)"),
            ParameterSpec.integer("threads", 0, 0, 256, "training threads; 0 = one per processor"));

    private RecommendationParameters() {
    }

    static List<ParameterSpec> als() {
        List<ParameterSpec> all = new ArrayList<>(ALS);
        all.addAll(COMMON);
        return List.copyOf(all);
    }
}
