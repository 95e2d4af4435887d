package io.merx.sdk.kind;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.ModelLoadException;
import io.merx.api.ParameterSpec;
import io.merx.api.Scorer;
import io.merx.api.Trainer;

/**
 * A model kind written once: its name, version, description and hyper-parameters, how it makes trainers and how
 * it loads models. A simple kind is its constructor:
 *
 * <pre>{@code
 * public LinearKind() {
 *     super(NAME, "Linear regression (ND4J)", LinearTrainer.PARAMETERS, LinearTrainer::new,
 *             dir -> new LinearScorer(LinearModelFiles.read(dir)));
 * }
 * }</pre>
 *
 * <p>The version is that of the concrete kind's bundle ({@link KindVersion#of(Class)}), so a kind needs one
 * public constructor without arguments, which Declarative Services calls, and tests and benchmarks call it
 * too. A kind that needs more overrides {@link #newTrainer} or {@link #load} (and may call these); a kind with
 * demo data overrides {@link #demoData}.
 *
 * <p>The Declarative Services annotations stay on the subclass (by default bnd does not read them from a
 * superclass); see the package documentation for the pattern.
 */
public abstract class BaseKind implements ModelKind {

    private final String name;
    private final String version;
    private final String description;
    private final List<ParameterSpec> parameters;
    private final TrainerFactory trainers;
    private final ScorerLoader loader;

    /**
     * A kind whose version is its bundle's.
     *
     * @param name stable dotted name, stored in every artifact of this kind
     * @param description one line for operators
     * @param parameters the hyper-parameters the kind's trainer accepts; copied
     * @param trainers makes a trainer for {@link #newTrainer}
     * @param loader loads a scorer for {@link #load}
     */
    protected BaseKind(String name, String description, List<ParameterSpec> parameters, TrainerFactory trainers,
            ScorerLoader loader) {
        this.name = Objects.requireNonNull(name, "name");
        this.version = KindVersion.of(getClass());
        this.description = Objects.requireNonNull(description, "description");
        this.parameters = List.copyOf(parameters);
        this.trainers = Objects.requireNonNull(trainers, "trainers");
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    /** {@inheritDoc} */
    @Override
    public final String name() {
        return name;
    }

    /** The version of the concrete kind's bundle, {@code major.minor.micro}; see {@link KindVersion#of(Class)}. */
    @Override
    public final String version() {
        return version;
    }

    /** {@inheritDoc} */
    @Override
    public final String description() {
        return description;
    }

    /** {@inheritDoc} */
    @Override
    public final List<ParameterSpec> parameters() {
        return parameters;
    }

    /** A trainer from the kind's {@link TrainerFactory}. */
    @Override
    public Trainer newTrainer(HyperParameters hyperParameters) {
        return trainers.create(this, hyperParameters);
    }

    /** A scorer from the kind's {@link ScorerLoader}. */
    @Override
    public Scorer load(Path modelDirectory) throws ModelLoadException {
        return loader.load(modelDirectory);
    }

    /** The name and version, as operators read them. */
    @Override
    public String toString() {
        return name + " " + version;
    }
}
