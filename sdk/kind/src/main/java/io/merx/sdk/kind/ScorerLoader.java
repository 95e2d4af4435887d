package io.merx.sdk.kind;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ConsumerType;

import io.merx.api.ModelKind;
import io.merx.api.ModelLoadException;
import io.merx.api.Scorer;

/**
 * How a kind loads its saved models, handed to {@link BaseKind}; usually a lambda such as
 * {@code dir -> new LinearScorer(LinearModelFiles.read(dir))}.
 */
@ConsumerType
@FunctionalInterface
public interface ScorerLoader {

    /**
     * Loads a scorer, as {@link ModelKind#load} promises.
     *
     * @param modelDirectory a directory a trained model of this kind (this or an older compatible version) saved
     * @return a scorer that owns its native memory until closed
     * @throws ModelLoadException if the files are missing, corrupt or of an incompatible format
     */
    Scorer load(Path modelDirectory) throws ModelLoadException;
}
