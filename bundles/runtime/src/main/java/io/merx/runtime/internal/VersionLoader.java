package io.merx.runtime.internal;

import java.io.IOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.api.ModelKind;
import io.merx.api.ModelLoadException;
import io.merx.api.ScoreRequest;
import io.merx.api.Scorer;
import io.merx.api.runtime.VersionState;

/**
 * Turns a stored version into a {@link LoadedVersion}: verify checksums, pick the kind, load, score the
 * warm-up samples. Any failure but a missing kind marks the version FAILED with the reason; a missing kind
 * is temporary and changes nothing.
 */
final class VersionLoader {

    private static final Logger LOG = LoggerFactory.getLogger(VersionLoader.class);

    private final ModelStore store;
    private final ModelRegistry registry;
    private final KindTracker kinds;

    VersionLoader(ModelStore store, ModelRegistry registry, KindTracker kinds) {
        this.store = store;
        this.registry = registry;
        this.kinds = kinds;
    }

    /** Thrown when the kind that can load a version is not installed; the version itself is fine. */
    static final class KindMissingException extends ModelLoadException {
        private static final long serialVersionUID = 1L;

        KindMissingException(String message) {
            super(message);
        }
    }

    LoadedVersion load(String model, String version) throws ModelLoadException {
        ArtifactManifest manifest;
        try {
            manifest = store.readManifest(model, version);
        } catch (IOException e) {
            throw fail(model, version, e.getMessage(), e);
        }
        ModelKind kind = kinds.select(manifest.kind(), manifest.kindRange())
                .orElseThrow(() -> new KindMissingException(kinds.missing(manifest.kind(), manifest.kindRange())));
        return load(model, version, kind);
    }

    /** Loads with a given kind, which must be able to read the version. */
    LoadedVersion load(String model, String version, ModelKind kind) throws ModelLoadException {
        long start = System.nanoTime();
        ArtifactManifest manifest;
        try {
            state(model, version, VersionState.LOADING, null);
            manifest = store.verify(model, version);
        } catch (IOException e) {
            throw fail(model, version, e.getMessage(), e);
        }
        Scorer scorer;
        try {
            scorer = kind.load(store.directory(model, version));
        } catch (ModelLoadException | RuntimeException e) {
            throw fail(model, version, "kind " + kind.name() + " " + kind.version() + " cannot load it: "
                    + e.getMessage(), e);
        }
        try {
            state(model, version, VersionState.WARMING, null);
            warm(scorer, manifest.warmup());
            state(model, version, VersionState.READY, null);
        } catch (Exception e) {
            scorer.close();
            throw fail(model, version, e.getMessage(), e);
        }
        LOG.info("Loaded {}/{} with kind {} {} in {} ms", model, version, kind.name(), kind.version(),
                (System.nanoTime() - start) / 1_000_000);
        return new LoadedVersion(model, version, kind, manifest, scorer);
    }

    private static void warm(Scorer scorer, List<ScoreRequest> samples) throws Exception {
        for (int i = 0; i < samples.size(); i++) {
            try {
                scorer.inputSchema().validate(samples.get(i).inputs());
                scorer.score(samples.get(i));
            } catch (Exception e) {
                throw new Exception("warm-up sample " + (i + 1) + " failed: " + e.getMessage(), e);
            }
        }
    }

    private ModelLoadException fail(String model, String version, String reason, Exception cause) {
        LOG.warn("Version {}/{} FAILED: {}", model, version, reason);
        try {
            state(model, version, VersionState.FAILED, reason);
        } catch (IOException e) {
            LOG.error("Cannot record FAILED state of {}/{}", model, version, e);
        }
        return new ModelLoadException("version " + version + " of " + model + " FAILED: " + reason, cause);
    }

    private void state(String model, String version, VersionState state, String reason) throws IOException {
        registry.setState(model, version, state, reason);
    }
}
