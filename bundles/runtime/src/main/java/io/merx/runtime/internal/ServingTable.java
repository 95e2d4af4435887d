package io.merx.runtime.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.api.ModelKind;
import io.merx.api.ModelLoadException;
import io.merx.api.runtime.ModelUnavailableException;
import io.merx.api.runtime.VersionState;

/**
 * The loaded versions, one per model version. Replacing an entry is the atomic swap that moves traffic;
 * the replaced version drains and closes on its own. Loads of one version are serialised so concurrent
 * requests for a cold version load it once.
 */
final class ServingTable {

    private static final Logger LOG = LoggerFactory.getLogger(ServingTable.class);

    private final Map<String, LoadedVersion> loaded = new ConcurrentHashMap<>();
    private final Map<String, Object> loadLocks = new ConcurrentHashMap<>();
    private final VersionLoader loader;
    private final ModelRegistry registry;
    private final KindTracker kinds;

    ServingTable(VersionLoader loader, ModelRegistry registry, KindTracker kinds) {
        this.loader = loader;
        this.registry = registry;
        this.kinds = kinds;
    }

    private static String key(String model, String version) {
        return model + "/" + version;
    }

    /**
     * A version with a reference taken for one request, loading it when cold; release it when done. A FAILED
     * version is not retried here: only an operator's activation or a new kind retries it.
     */
    LoadedVersion acquire(String model, String version) throws ModelUnavailableException {
        for (int attempt = 0; attempt < 1000; attempt++) {
            LoadedVersion handle = loaded.get(key(model, version));
            if (handle == null) {
                try {
                    handle = ensureLoaded(model, version, false);
                } catch (ModelLoadException e) {
                    throw new ModelUnavailableException(e.getMessage());
                }
            }
            if (handle.acquire()) {
                return handle;
            }
            // Retired between lookup and acquire: its replacement (or nothing) is in the table now.
            Thread.onSpinWait();
        }
        throw new ModelUnavailableException("version " + version + " of " + model + " is being replaced; retry");
    }

    /** A reference to the version when it is loaded, without loading it; null when it is not. */
    LoadedVersion tryAcquire(String model, String version) {
        LoadedVersion handle = loaded.get(key(model, version));
        return handle != null && handle.acquire() ? handle : null;
    }

    /** The loaded version, loading and warming it first when needed. */
    LoadedVersion ensureLoaded(String model, String version, boolean retryFailed) throws ModelLoadException {
        String key = key(model, version);
        synchronized (loadLocks.computeIfAbsent(key, k -> new Object())) {
            LoadedVersion handle = loaded.get(key);
            if (handle != null) {
                return handle;
            }
            if (!retryFailed) {
                Optional<ModelRecord.Status> status = registry.get(model).map(r -> r.versions().get(version));
                if (status.isPresent() && status.get().state() == VersionState.FAILED) {
                    throw new ModelLoadException("version " + version + " of " + model + " FAILED: "
                            + status.get().reason());
                }
            }
            handle = loader.load(model, version);
            loaded.put(key, handle);
            return handle;
        }
    }

    /** The loaded version, if any, without taking a reference. */
    Optional<LoadedVersion> peek(String model, String version) {
        return Optional.ofNullable(loaded.get(key(model, version)));
    }

    /** Unloads versions of a model that nothing references any more, marking them RETIRED. */
    void retireUnreferenced(String model, Set<String> referenced) {
        for (LoadedVersion handle : List.copyOf(loaded.values())) {
            if (handle.model().equals(model) && !referenced.contains(handle.version())) {
                unload(handle);
                try {
                    registry.setState(model, handle.version(), VersionState.RETIRED, null);
                } catch (IOException e) {
                    LOG.warn("Cannot record RETIRED state of {}/{}", model, handle.version(), e);
                }
            }
        }
    }

    /** Takes a version out of service; it closes once drained. */
    void unload(String model, String version) {
        LoadedVersion handle = loaded.get(key(model, version));
        if (handle != null) {
            unload(handle);
        }
    }

    private void unload(LoadedVersion handle) {
        String key = key(handle.model(), handle.version());
        synchronized (loadLocks.computeIfAbsent(key, k -> new Object())) {
            if (loaded.remove(key, handle)) {
                handle.retire();
            }
        }
    }

    /**
     * Follows a kind change: versions a better kind version can load are reloaded with it (load, warm, swap,
     * drain). Versions whose kind went away with no replacement keep serving with the departed code (its
     * class loader lives until a refresh) and are returned, so the caller can unload them after a grace
     * period unless a replacement arrives first: a bundle update unregisters the old kind before it registers
     * the new one, and requests must not fail in between.
     */
    List<LoadedVersion> onKindChanged(String kindName) {
        List<LoadedVersion> orphans = new ArrayList<>();
        for (LoadedVersion old : List.copyOf(loaded.values())) {
            ArtifactManifest manifest = old.manifest();
            if (!manifest.kind().equals(kindName)) {
                continue;
            }
            Optional<ModelKind> best = kinds.select(manifest.kind(), manifest.kindRange());
            boolean oldKindGone = kinds.all().stream().noneMatch(k -> k == old.kind());
            if (best.isEmpty()) {
                if (oldKindGone) {
                    orphans.add(old);
                }
            } else if (best.get() != old.kind()) {
                reload(old, best.get(), oldKindGone);
            }
        }
        return orphans;
    }

    /** Unloads a version whose kind went away, unless it was reloaded or a compatible kind came back. */
    void unloadOrphan(LoadedVersion old) {
        ArtifactManifest manifest = old.manifest();
        if (kinds.select(manifest.kind(), manifest.kindRange()).isPresent()) {
            return;
        }
        LOG.warn("Unloading {}/{}: {}", old.model(), old.version(),
                kinds.missing(manifest.kind(), manifest.kindRange()));
        unload(old);
    }

    private void reload(LoadedVersion old, ModelKind kind, boolean oldKindGone) {
        String key = key(old.model(), old.version());
        synchronized (loadLocks.computeIfAbsent(key, k -> new Object())) {
            if (loaded.get(key) != old) {
                return;
            }
            try {
                LoadedVersion fresh = loader.load(old.model(), old.version(), kind);
                loaded.put(key, fresh);
                old.retire();
                LOG.info("Swapped {}/{} to kind {} {}", old.model(), old.version(), kind.name(), kind.version());
            } catch (ModelLoadException e) {
                if (oldKindGone) {
                    loaded.remove(key, old);
                    old.retire();
                }
            }
        }
    }

    /** Closes everything once drained, on shutdown. */
    void clear() {
        List.copyOf(loaded.values()).forEach(this::unload);
    }
}
