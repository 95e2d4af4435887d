package io.merx.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of model: the factory a plugin registers as an OSGi service so the platform can train and load
 * models of that kind. The platform tracks kinds dynamically; when a plugin bundle is updated, models of its
 * kind are reloaded with the new code.
 *
 * <p>Plugins usually extend the kind SDK's {@code io.merx.sdk.kind.BaseKind}, which holds the name, version (the
 * bundle's), description and parameters, and trains and loads through the functions it is given:
 *
 * <pre>{@code
 * @Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + LinearKind.NAME,
 *         reference = @Reference(name = "compute", service = ComputeBackend.class))
 * public final class LinearKind extends BaseKind {
 *     public static final String NAME = "example.linear";
 *
 *     public LinearKind() {
 *         super(NAME, "Linear regression (ND4J)", LinearTrainer.PARAMETERS, LinearTrainer::new,
 *                 dir -> new LinearScorer(LinearModelFiles.read(dir)));
 *     }
 * }
 * }</pre>
 */
@ConsumerType
public interface ModelKind {

    /** Service property under which a kind publishes its {@link #name()}, for filters. */
    String PROPERTY_NAME = "merx.kind";

    /** Service property under which a kind publishes its {@link #version()}, for filters. */
    String PROPERTY_VERSION = "merx.kind.version";

    /** Stable, dotted name such as {@code recommendation.als}; stored in every artifact of this kind. */
    String name();

    /**
     * Semantic version of the kind's artifact format and behaviour, {@code major.minor.micro}. Artifacts record
     * the range of kind versions that can load them: a new minor version must load the older artifacts.
     */
    String version();

    /** One line for operators, shown by {@code model:kinds}. */
    default String description() {
        return name();
    }

    /** The hyper-parameters {@link #newTrainer} accepts, with defaults and bounds. */
    List<ParameterSpec> parameters();

    /**
     * A trainer configured with the given hyper-parameters, which {@link HyperParameters#of} has validated
     * against {@link #parameters()}.
     */
    Trainer newTrainer(HyperParameters hyperParameters);

    /**
     * A small dataset this kind trains on with its default hyper-parameters, generated or shipped with the
     * plugin (never downloaded). The distribution trains a demo model from it on first start, and smoke tests
     * use it. Empty when the kind has none.
     */
    default Optional<Dataset> demoData() {
        return Optional.empty();
    }

    /**
     * Loads a scorer from a directory that a {@link TrainedModel#save} of this kind (this or an older
     * compatible version) wrote. The returned scorer owns its native memory until closed.
     *
     * @throws ModelLoadException if the files are missing, corrupt or of an incompatible format
     */
    Scorer load(Path modelDirectory) throws ModelLoadException;
}
