package io.merx.sdk.kind;

import java.util.List;
import java.util.Objects;

import io.merx.api.ModelKind;
import io.merx.api.ParameterSpec;

/**
 * A model kind's identity, held once: its name, version, description and hyper-parameters. A kind extends it
 * and adds what is its own: {@link #newTrainer}, {@link #load} and, when it has some, {@link #demoData}.
 *
 * <p>The Declarative Services annotations stay on the subclass (by default bnd does not read them from a
 * superclass); see the package documentation for the pattern, and {@link KindVersion} for the version.
 */
public abstract class BaseKind implements ModelKind {

    private final String name;
    private final String version;
    private final String description;
    private final List<ParameterSpec> parameters;

    /**
     * A kind with the given identity.
     *
     * @param name stable dotted name, stored in every artifact of this kind
     * @param version {@code major.minor.micro}, usually {@link KindVersion#of} the bundle
     * @param description one line for operators
     * @param parameters the hyper-parameters the kind's trainer accepts; copied
     */
    protected BaseKind(String name, String version, String description, List<ParameterSpec> parameters) {
        this.name = Objects.requireNonNull(name, "name");
        this.version = Objects.requireNonNull(version, "version");
        this.description = Objects.requireNonNull(description, "description");
        this.parameters = List.copyOf(parameters);
    }

    /** {@inheritDoc} */
    @Override
    public final String name() {
        return name;
    }

    /** {@inheritDoc} */
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

    /** The name and version, as operators read them. */
    @Override
    public String toString() {
        return name + " " + version;
    }
}
