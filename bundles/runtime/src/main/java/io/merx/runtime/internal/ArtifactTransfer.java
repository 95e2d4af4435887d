package io.merx.runtime.internal;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.osgi.framework.VersionRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.api.runtime.ModelNotFoundException;
import io.merx.api.runtime.ModelVersionInfo;

/**
 * Moves versions in and out of the store as archives. An import is unpacked into a staging directory within the
 * size limits, its signature and manifest checked, its kind required to be installed, and only then installed as a
 * new version; an export packs a version only after its files match their manifest. Messages never show a server
 * path: the log keeps it.
 */
final class ArtifactTransfer {

    private static final Logger LOG = LoggerFactory.getLogger(ArtifactTransfer.class);

    private final long maxImportBytes;
    private final ImportBudget importBudget;
    private final ArtifactSignature signatures;
    private final ModelStore store;
    private final KindTracker kinds;
    private final Deployer deployer;
    private final Catalog catalog;

    ArtifactTransfer(RuntimeSettings settings, ModelStore store, KindTracker kinds, Deployer deployer,
            Catalog catalog) {
        this.maxImportBytes = settings.maxImportBytes();
        this.importBudget = new ImportBudget(settings.maxConcurrentImportBytes());
        this.signatures = new ArtifactSignature(settings.trustedKeys(), settings.requireSigned());
        this.store = store;
        this.kinds = kinds;
        this.deployer = deployer;
        this.catalog = catalog;
    }

    ModelVersionInfo importArtifact(Path archive, String asModel) throws IOException {
        try (ImportBudget.Lease lease = importBudget.lease()) {
            Path staging = store.newStagingDirectory();
            try {
                return install(archive, asModel, staging, lease);
            } catch (FileSystemException e) {
                // Its message is a server path (a temp file, the store); the log keeps it, the caller gets the gist.
                LOG.warn("Import of {} failed: {}", archive, e.toString());
                throw new IOException("the archive could not be read or stored on the server (see its log)");
            } finally {
                AtomicFiles.deleteTree(staging);
            }
        }
    }

    private ModelVersionInfo install(Path archive, String asModel, Path staging, ImportBudget.Lease lease)
            throws IOException {
        ArtifactArchive.unpack(archive, staging, maxImportBytes, lease);
        Optional<String> publisher = signatures.verify(staging);
        ArtifactManifest manifest = ManifestCodec.read(Files.readAllBytes(staging.resolve(ArtifactManifest.FILE_NAME)));
        String model = Names.model(asModel != null ? asModel : manifest.name());
        try {
            VersionRange.valueOf(manifest.kindRange());
        } catch (IllegalArgumentException e) {
            throw new IOException("bad manifest: kindRange '" + manifest.kindRange() + "' is not a version range");
        }
        if (kinds.select(manifest.kind(), manifest.kindRange()).isEmpty()) {
            throw new IOException(kinds.missing(manifest.kind(), manifest.kindRange()));
        }
        try {
            ModelStore.verifyFiles(staging, manifest.files());
        } catch (IOException e) {
            throw new IOException("archive does not match its manifest: " + e.getMessage(), e);
        }
        String version = deployer.install(model, staging, manifest);
        LOG.info("Imported {} as {}/{} ({})", archive, model, version,
                publisher.map(p -> "signed by " + p).orElse("unsigned"));
        try {
            return catalog.info(model, version);
        } catch (ModelNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    void exportArtifact(String model, String aliasOrVersion, Path archive) throws IOException, ModelNotFoundException {
        String version = Catalog.resolve(catalog.record(model), aliasOrVersion);
        try {
            try {
                store.verify(model, version);
            } catch (FileSystemException e) {
                throw e;
            } catch (IOException e) {
                throw new IOException("refusing to export " + model + "/" + version + ": " + e.getMessage(), e);
            }
            ArtifactArchive.pack(store.directory(model, version), archive);
        } catch (FileSystemException e) {
            LOG.warn("Export of {}/{} failed: {}", model, version, e.toString());
            throw new IOException("version " + version + " of " + model + " could not be read or written on the"
                    + " server (see its log)");
        }
    }
}
