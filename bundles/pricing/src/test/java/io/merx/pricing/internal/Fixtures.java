package io.merx.pricing.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.Scorer;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;

/** Shared helpers: train a pricing model and get its demand or a scorer. */
final class Fixtures {

    static final PricingKind KIND = new PricingKind();

    private Fixtures() {
    }

    static TrainedModel train(Dataset data, Map<String, ?> parameters) throws Exception {
        return KIND.newTrainer(HyperParameters.of(KIND.parameters(), parameters)).train(data, TrainingContext.silent());
    }

    /** Trains on the data and returns the demand model it saves. */
    static DemandModel demand(Dataset data, Map<String, ?> parameters) throws Exception {
        try (TrainedModel model = train(data, parameters)) {
            return demand(model);
        }
    }

    /** The demand model a trained model saves, read back as the scorer would read it. */
    static DemandModel demand(TrainedModel model) throws Exception {
        Path dir = Files.createTempDirectory("pricing-model");
        try {
            model.save(dir);
            return PricingFiles.read(dir);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    static Scorer scorer(Dataset data, Map<String, ?> parameters, Path dir) throws Exception {
        try (TrainedModel model = train(data, parameters)) {
            Files.createDirectories(dir);
            model.save(dir);
        }
        return KIND.load(dir);
    }
}
