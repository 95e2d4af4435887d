package io.merx.runtime.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.merx.runtime.cluster.VersionFiles;

/**
 * Brings a version published by another node into the local store the way an import does: into a staging
 * directory, checked against its manifest's checksums, then installed by atomic rename under the same number.
 */
final class VersionFetcher {

    private final VersionFiles files;
    private final ModelStore store;

    VersionFetcher(VersionFiles files, ModelStore store) {
        this.files = files;
        this.store = store;
    }

    boolean isLocal(String model, String version) {
        return Files.isDirectory(store.directory(model, version));
    }

    /** @return true when it fetched the version, false when the local store had it */
    boolean ensureLocal(String model, String version) throws IOException {
        if (isLocal(model, version)) {
            return false;
        }
        Path staging = store.newStagingDirectory();
        try {
            files.fetchVersion(model, version, staging);
            Path file = staging.resolve(ArtifactManifest.FILE_NAME);
            if (!Files.isRegularFile(file)) {
                throw new IOException("version " + version + " of " + model + " has no manifest in the cluster");
            }
            ArtifactManifest manifest = ManifestCodec.read(Files.readAllBytes(file));
            try {
                ModelStore.verifyFiles(staging, manifest.files());
            } catch (IOException e) {
                throw new IOException("version " + version + " of " + model
                        + " from the cluster does not match its manifest: " + e.getMessage(), e);
            }
            store.install(staging, manifest.renamed(model, version));
            return true;
        } finally {
            AtomicFiles.deleteTree(staging);
        }
    }
}
