package io.merx.runtime.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.api.ModelKind;
import io.merx.api.Scorer;

/**
 * A loaded, warmed model version with a reference count. The table that serves it holds one reference;
 * each request holds one while it scores. {@link #retire()} drops the table's reference, and the scorer is
 * closed by whoever releases the last one, so no request ever meets a closed scorer.
 */
final class LoadedVersion {

    private static final Logger LOG = LoggerFactory.getLogger(LoadedVersion.class);

    private final String model;
    private final String version;
    private final ModelKind kind;
    private final ArtifactManifest manifest;
    private final Scorer scorer;
    private final AtomicInteger references = new AtomicInteger(1);
    private final AtomicBoolean retired = new AtomicBoolean();

    LoadedVersion(String model, String version, ModelKind kind, ArtifactManifest manifest, Scorer scorer) {
        this.model = model;
        this.version = version;
        this.kind = kind;
        this.manifest = manifest;
        this.scorer = scorer;
    }

    String model() {
        return model;
    }

    String version() {
        return version;
    }

    /** The kind service instance that loaded it, compared by identity when kinds come and go. */
    ModelKind kind() {
        return kind;
    }

    ArtifactManifest manifest() {
        return manifest;
    }

    Scorer scorer() {
        return scorer;
    }

    /** Takes a reference for one request; false once the version is retired and drained. */
    boolean acquire() {
        while (true) {
            int count = references.get();
            if (count <= 0) {
                return false;
            }
            if (references.compareAndSet(count, count + 1)) {
                return true;
            }
        }
    }

    void release() {
        if (references.decrementAndGet() == 0) {
            close();
        }
    }

    /** Stops handing it out; the scorer closes when the last in-flight request releases it. */
    void retire() {
        if (retired.compareAndSet(false, true)) {
            release();
        }
    }

    boolean isRetired() {
        return retired.get();
    }

    private void close() {
        try {
            scorer.close();
            LOG.info("Closed scorer of {}/{} after draining", model, version);
        } catch (RuntimeException e) {
            LOG.warn("Closing scorer of {}/{} failed", model, version, e);
        }
    }
}
