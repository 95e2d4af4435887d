package io.merx.pricing.internal;

import java.nio.file.Path;
import java.util.Map;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.Scorer;
import io.merx.api.TrainingContext;

/** Shared helpers: train a pricing model and get its demand or a scorer. */
final class Fixtures {

    static final PricingKind KIND = new PricingKind("1.0.0");

    private Fixtures() {
    }

    static PricingModel train(Dataset data, Map<String, ?> parameters) throws Exception {
        return (PricingModel) KIND.newTrainer(HyperParameters.of(KIND.parameters(), parameters))
                .train(data, TrainingContext.silent());
    }

    static Scorer scorer(Dataset data, Map<String, ?> parameters, Path dir) throws Exception {
        try (PricingModel model = train(data, parameters)) {
            java.nio.file.Files.createDirectories(dir);
            model.save(dir);
        }
        return KIND.load(dir);
    }
}
