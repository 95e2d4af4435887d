package io.merx.recommendation.internal;

import java.util.List;

import io.merx.api.ParameterSpec;

/** The hyper-parameters of {@code recommendation.graph}, besides the common ones. */
final class GraphParameters {

    static final List<ParameterSpec> ALL = List.of(
            ParameterSpec.integer("dimension", 64, 1, 512, "embedding size"),
            ParameterSpec.integer("layers", 3, 0, 8, "propagation layers K (0 = plain BPR matrix factorisation)"),
            ParameterSpec.real("learningRate", 0.01, 1e-6, 1, "Adam step size"),
            ParameterSpec.real("l2", 1e-4, 0, 10, "L2 penalty on the layer-0 embeddings of each batch"),
            ParameterSpec.integer("batchSize", 8_192, 1, 1_000_000,
                    "BPR triples per Adam step; the whole graph is propagated once per step"),
            ParameterSpec.integer("epochs", 60, 1, 10_000, "passes over all interactions at most"),
            ParameterSpec.integer("evalEvery", 2, 1, 1_000, "epochs between two early-stopping checks"),
            ParameterSpec.integer("patience", 5, 1, 1_000,
                    "checks without a better validation nDCG before training stops (the best epoch is kept)"),
            ParameterSpec.integer("validationUsers", 2_000, 1, 1_000_000,
                    "users whose latest item is held out inside the training data to choose the epoch"),
            ParameterSpec.integer("budgetSeconds", 60, 0, 86_400,
                    "each of the two runs of a fit (epoch search, refit) stops after the first epoch past this time (0:"
                            + " none); then the result depends on the machine's speed"));

    private GraphParameters() {
    }
}
