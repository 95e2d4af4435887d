package io.merx.runtime.cluster;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The files of published versions, content-addressed by SHA-256: the part of a cluster's shared state that holds
 * artifacts, kept apart from the records so that a store made for large objects (an S3-compatible object store)
 * can hold them while the records stay in the database. {@link SharedState} extends it; today PostgreSQL holds
 * both, in one transaction per publication.
 */
@ProviderType
public interface VersionFiles {

    /**
     * Publishes a version's files (every regular file under {@code directory}, streamed, content-addressed by
     * SHA-256 so a file two versions share is stored once) and its manifest. Publishing the same version again
     * with the same content is a no-op.
     *
     * @param model the model
     * @param version the version number the model's record assigned
     * @param directory the version's directory in the local store, manifest included
     * @throws IOException when a local file cannot be read
     */
    void publishVersion(String model, String version, Path directory) throws IOException;

    /**
     * Copies a published version's files into an empty directory, verifying each file's SHA-256 as it streams.
     *
     * @param model the model
     * @param version the version
     * @param directory an empty directory on the local store's file system
     * @throws IOException when a file does not match its checksum or cannot be written; nothing is left half-done
     *         under the version's name
     */
    void fetchVersion(String model, String version, Path directory) throws IOException;

    /**
     * @param model the model
     * @param version the version
     * @return true when the version's files are published
     */
    boolean hasVersion(String model, String version);

    /**
     * Forgets a version's files (files another version shares stay).
     *
     * @param model the model
     * @param version the version
     */
    void deleteVersion(String model, String version);
}
