package io.merx.cluster.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code versions} and {@code version_files} tables: which files, by content address, make up each published
 * version. Invariants: a version is visible with all its files or not at all (one transaction); a fetch writes
 * exactly the published bytes or fails naming the file and leaves the target directory as empty as it found it.
 */
final class PublishedVersions {

    static final String MANIFEST = "manifest.json";

    private PublishedVersions() {
    }

    /**
     * The regular files under {@code directory} by their relative path ('/'-separated, sorted), each hashed once
     * before the transaction so a version whose files are all stored already costs no upload.
     */
    static Map<String, Blobs.Digest> localFiles(Path directory) throws IOException {
        Map<String, Blobs.Digest> files = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : (Iterable<Path>) paths.sorted()::iterator) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    files.put(relative(directory, p), Blobs.digest(p));
                }
            }
        }
        return files;
    }

    static void publish(Connection c, String model, String version, Path directory, Map<String, Blobs.Digest> files,
            int chunkSize) throws SQLException, IOException {
        Blobs.lockForPublishing(c);
        Map<String, Blobs.Digest> stored = storedFiles(c, model, version);
        if (stored != null) {
            if (stored.equals(files)) {
                return;
            }
            throw new IllegalStateException("version " + version + " of model '" + model
                    + "' is already published with other files; a published version never changes");
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO versions (model, version, manifest) VALUES (?, ?, ?)")) {
            s.setString(1, model);
            s.setString(2, version);
            Path manifest = directory.resolve(MANIFEST);
            // A manifest is a few kilobytes of JSON; kept as a column too so psql shows it.
            s.setBytes(3, files.containsKey(MANIFEST) ? Files.readAllBytes(manifest) : null);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO version_files (model, version, path, sha256, size) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, Blobs.Digest> file : files.entrySet()) {
                Blobs.store(c, file.getKey(), directory.resolve(file.getKey()), file.getValue(), chunkSize);
                s.setString(1, model);
                s.setString(2, version);
                s.setString(3, file.getKey());
                s.setString(4, file.getValue().sha256());
                s.setLong(5, file.getValue().size());
                s.executeUpdate();
            }
        }
    }

    /**
     * Writes the version's files into {@code directory}, each checked against its SHA-256.
     *
     * @throws IOException naming the file that does not match, or when the version is not published
     */
    static void fetch(Connection c, String model, String version, Path directory) throws SQLException, IOException {
        Map<String, Blobs.Digest> files = storedFiles(c, model, version);
        if (files == null) {
            throw new IOException("version " + version + " of model '" + model + "' is not in the shared store");
        }
        try {
            for (Map.Entry<String, Blobs.Digest> file : files.entrySet()) {
                Path target = directory.resolve(file.getKey()).normalize();
                if (!target.startsWith(directory) || target.equals(directory)) {
                    throw new IOException("version " + version + " of model '" + model
                            + "' names a file outside its directory: '" + file.getKey() + "'");
                }
                Files.createDirectories(target.getParent());
                Blobs.Digest written;
                try (OutputStream out = Files.newOutputStream(target)) {
                    written = Blobs.copy(c, file.getValue().sha256(), out);
                }
                if (!written.equals(file.getValue())) {
                    throw new IOException("file '" + file.getKey() + "' of version " + version + " of model '"
                            + model + "' does not match its SHA-256 in the shared store (the stored copy is"
                            + " damaged); it was not fetched");
                }
            }
        } catch (SQLException | IOException | RuntimeException e) {
            emptyDirectory(directory);
            throw e;
        }
    }

    static boolean exists(Connection c, String model, String version) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM versions WHERE model = ? AND version = ?")) {
            s.setString(1, model);
            s.setString(2, version);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Deletes one version ({@code version} null: all of the model's) and the blobs nothing refers to any more. */
    static void delete(Connection c, String model, String version) throws SQLException {
        Blobs.lockForCollecting(c);
        try (PreparedStatement s = c.prepareStatement(version == null ? "DELETE FROM versions WHERE model = ?"
                : "DELETE FROM versions WHERE model = ? AND version = ?")) {
            s.setString(1, model);
            if (version != null) {
                s.setString(2, version);
            }
            s.executeUpdate();
        }
        Blobs.collectGarbage(c);
    }

    /** @return the stored files by path, or null when the version is not published */
    private static Map<String, Blobs.Digest> storedFiles(Connection c, String model, String version)
            throws SQLException {
        if (!exists(c, model, version)) {
            return null;
        }
        Map<String, Blobs.Digest> files = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT path, sha256, size FROM version_files WHERE model = ? AND version = ? ORDER BY path")) {
            s.setString(1, model);
            s.setString(2, version);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    files.put(rs.getString(1), new Blobs.Digest(rs.getString(2), rs.getLong(3)));
                }
            }
        }
        return files;
    }

    private static String relative(Path directory, Path file) {
        return directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static void emptyDirectory(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                if (!p.equals(directory)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
