package io.merx.api.runtime;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to train: a new version of {@code model} with {@code kind} on a CSV (with header row) or JSON Lines
 * file. Build with {@link #builder(String, String, Path)}.
 *
 * <pre>{@code
 * TrainingRequest request = TrainingRequest.builder("churn", "example.linear", Path.of("data/churn.csv"))
 *         .parameter("epochs", "50")
 *         .activate(true)
 *         .build();
 * }</pre>
 *
 * @param model the model name
 * @param kind the kind's name
 * @param dataset the data file; {@code .jsonl}/{@code .ndjson} files are read as JSON Lines, others as CSV
 * @param hyperParameters values as typed by a user, validated against the kind's parameters
 * @param activate whether to activate the new version when training succeeds
 */
public record TrainingRequest(String model, String kind, Path dataset, Map<String, String> hyperParameters,
        boolean activate) {

    /** Checks the required parts and copies the hyper-parameters. */
    public TrainingRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dataset, "dataset");
        hyperParameters = Map.copyOf(hyperParameters);
    }

    /** Starts a request with its required parts. */
    public static Builder builder(String model, String kind, Path dataset) {
        return new Builder(model, kind, dataset);
    }

    /** Collects optional parts. */
    public static final class Builder {
        private final String model;
        private final String kind;
        private final Path dataset;
        private final Map<String, String> hyperParameters = new LinkedHashMap<>();
        private boolean activate;

        private Builder(String model, String kind, Path dataset) {
            this.model = model;
            this.kind = kind;
            this.dataset = dataset;
        }

        /** Sets one hyper-parameter, as a string the way a shell user types it ({@code "0.01"}, {@code "true"}). */
        public Builder parameter(String name, String value) {
            hyperParameters.put(name, value);
            return this;
        }

        /** Sets several hyper-parameters, as strings; later values replace earlier ones of the same name. */
        public Builder parameters(Map<String, String> values) {
            hyperParameters.putAll(values);
            return this;
        }

        /** Whether the new version becomes {@link ModelRuntime#LIVE} once saved; false by default. */
        public Builder activate(boolean value) {
            activate = value;
            return this;
        }

        /** The request; the runtime checks kind and hyper-parameters when it starts the job. */
        public TrainingRequest build() {
            return new TrainingRequest(model, kind, dataset, hyperParameters, activate);
        }
    }
}
