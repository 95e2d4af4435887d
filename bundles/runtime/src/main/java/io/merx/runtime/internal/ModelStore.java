package io.merx.runtime.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.api.TrainedModel;

/**
 * Model versions on disk: {@code <root>/<name>/<version>/} holding the kind's files and {@code manifest.json}.
 * A version appears by atomic rename of a fully written, fsynced staging directory, so a crash never leaves a
 * half-written version under its final name; checksums catch anything changed afterwards.
 */
final class ModelStore {

    private static final Logger LOG = LoggerFactory.getLogger(ModelStore.class);
    private static final String STAGING = ".staging";

    private final Path root;

    ModelStore(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        Files.createDirectories(this.root);
        Path staging = this.root.resolve(STAGING);
        AtomicFiles.deleteTree(staging); // leftovers of writes a crash interrupted
        Files.createDirectories(staging);
    }

    Path root() {
        return root;
    }

    /** Model names with at least a directory in the store. */
    List<String> models() throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (!name.startsWith(".")) {
                    names.add(name);
                }
            }
        }
        names.sort(null);
        return names;
    }

    /** Stored versions of a model, in numeric order; empty when it has none. */
    List<String> versions(String name) throws IOException {
        Path dir = root.resolve(Names.model(name));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Set<String> versions = new TreeSet<>(Comparator.comparingLong(Long::parseLong));
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path version : dirs) {
                String v = version.getFileName().toString();
                if (Names.isVersion(v)) {
                    versions.add(v);
                }
            }
        }
        return List.copyOf(versions);
    }

    Path directory(String name, String version) {
        return root.resolve(Names.model(name)).resolve(Names.version(version));
    }

    /** An empty directory on the store's file system, to be filled and then {@link #install}ed. */
    Path newStagingDirectory() throws IOException {
        return Files.createDirectory(root.resolve(STAGING).resolve(UUID.randomUUID().toString()));
    }

    /** Saves a trained model as a new version. */
    ArtifactManifest save(String name, String version, TrainedModel model, String kind, Instant now)
            throws IOException {
        Path staging = newStagingDirectory();
        try {
            model.save(staging);
            if (Files.exists(staging.resolve(ArtifactManifest.FILE_NAME))) {
                throw new IOException("kind " + kind + " wrote its own " + ArtifactManifest.FILE_NAME
                        + ", which the runtime reserves");
            }
            ArtifactManifest manifest = new ArtifactManifest(name, version, kind,
                    ArtifactManifest.rangeFor(model.provenance().kindVersion()), now, model.provenance(),
                    model.inputSchema(), model.warmupSamples(),
                    AtomicFiles.checksums(staging, ArtifactManifest.FILE_NAME));
            install(staging, manifest);
            return manifest;
        } finally {
            AtomicFiles.deleteTree(staging);
        }
    }

    /** Writes the manifest into a filled staging directory and renames it to its final place. */
    void install(Path staging, ArtifactManifest manifest) throws IOException {
        Files.write(staging.resolve(ArtifactManifest.FILE_NAME), ManifestCodec.write(manifest));
        AtomicFiles.syncTree(staging);
        Path target = directory(manifest.name(), manifest.version());
        if (Files.exists(target)) {
            throw new IOException("version " + manifest.version() + " of " + manifest.name() + " already exists");
        }
        Files.createDirectories(target.getParent());
        AtomicFiles.syncDirectory(root);
        AtomicFiles.move(staging, target);
        LOG.info("Stored {}/{} ({} files, kind {} {})", manifest.name(), manifest.version(), manifest.files().size(),
                manifest.kind(), manifest.kindRange());
    }

    ArtifactManifest readManifest(String name, String version) throws IOException {
        Path file = directory(name, version).resolve(ArtifactManifest.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IOException("version " + version + " of " + name + " has no " + ArtifactManifest.FILE_NAME);
        }
        return ManifestCodec.read(Files.readAllBytes(file));
    }

    /**
     * Reads the manifest and checks every file against its checksum.
     *
     * @throws IOException naming the first missing, changed or unexpected file
     */
    ArtifactManifest verify(String name, String version) throws IOException {
        ArtifactManifest manifest = readManifest(name, version);
        verifyFiles(directory(name, version), manifest.files());
        return manifest;
    }

    static void verifyFiles(Path dir, Map<String, String> expected) throws IOException {
        Map<String, String> actual = AtomicFiles.checksums(dir, ArtifactManifest.FILE_NAME);
        for (Map.Entry<String, String> file : expected.entrySet()) {
            String sum = actual.get(file.getKey());
            if (sum == null) {
                throw new IOException("file " + file.getKey() + " is missing");
            }
            if (!sum.equalsIgnoreCase(file.getValue())) {
                throw new IOException("checksum mismatch for " + file.getKey() + " (expected sha256 "
                        + abbreviate(file.getValue()) + ", found " + abbreviate(sum) + ")");
            }
        }
        for (String file : actual.keySet()) {
            if (!expected.containsKey(file)) {
                throw new IOException("unexpected file " + file + " not listed in the manifest");
            }
        }
    }

    private static String abbreviate(String sum) {
        return sum.length() > 12 ? sum.substring(0, 12) + "..." : sum;
    }

    /** Removes a version; the model directory goes with its last version. */
    void delete(String name, String version) throws IOException {
        Path dir = directory(name, version);
        if (!Files.exists(dir)) {
            return;
        }
        // Rename first so a crash mid-delete leaves no half-deleted version under its name.
        Path trash = root.resolve(STAGING).resolve("deleted-" + UUID.randomUUID());
        AtomicFiles.move(dir, trash);
        AtomicFiles.deleteTree(trash);
        try (DirectoryStream<Path> rest = Files.newDirectoryStream(dir.getParent())) {
            if (!rest.iterator().hasNext()) {
                Files.delete(dir.getParent());
            }
        }
        LOG.info("Deleted {}/{}", name, version);
    }
}
