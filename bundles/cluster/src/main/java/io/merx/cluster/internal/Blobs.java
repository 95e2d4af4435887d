package io.merx.cluster.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * File contents, content-addressed by SHA-256, in the {@code blobs} and {@code blob_chunks} tables. Invariants: a
 * blob row is visible only with all its chunks (they are written in one transaction); no more than one chunk is in
 * memory, up or down; and garbage collection never removes a blob a version being published is about to share:
 * publishers hold a shared advisory lock for their transaction, the collector an exclusive one.
 */
final class Blobs {

    /** Advisory lock key that orders publishing against garbage collection ("merxblob"). */
    private static final long COLLECTION_LOCK = 0x6d65_7278_626c_6f62L;

    private Blobs() {
    }

    /** A local file's content address. */
    record Digest(String sha256, long size) {
    }

    static Digest digest(Path file) throws IOException {
        MessageDigest sha = sha256();
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0;) {
                sha.update(buffer, 0, n);
                size += n;
            }
        }
        return new Digest(HexFormat.of().formatHex(sha.digest()), size);
    }

    /** Called first in a transaction that will refer to blobs that exist already. */
    static void lockForPublishing(Connection c) throws SQLException {
        advisoryLock(c, "pg_advisory_xact_lock_shared");
    }

    /** Called first in a transaction that deletes versions and then {@link #collectGarbage}. */
    static void lockForCollecting(Connection c) throws SQLException {
        advisoryLock(c, "pg_advisory_xact_lock");
    }

    /**
     * Stores a file's content unless the store has it.
     *
     * @param name the file's path in its version, for messages
     * @return true when it was stored now
     * @throws IOException when the file cannot be read or changed since {@code expected} was computed
     */
    static boolean store(Connection c, String name, Path file, Digest expected, int chunkSize)
            throws SQLException, IOException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO blobs (sha256, size) VALUES (?, ?) ON CONFLICT (sha256) DO NOTHING")) {
            s.setString(1, expected.sha256());
            s.setLong(2, expected.size());
            if (s.executeUpdate() == 0) {
                return false;
            }
        }
        MessageDigest sha = sha256();
        byte[] chunk = new byte[chunkSize];
        long size = 0;
        try (InputStream in = Files.newInputStream(file);
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO blob_chunks (sha256, seq, bytes) VALUES (?, ?, ?)")) {
            int seq = 0;
            for (int n; (n = in.readNBytes(chunk, 0, chunkSize)) > 0; seq++) {
                sha.update(chunk, 0, n);
                size += n;
                s.setString(1, expected.sha256());
                s.setInt(2, seq);
                s.setBinaryStream(3, new ByteArrayInputStream(chunk, 0, n), n);
                s.executeUpdate();
            }
        }
        if (size != expected.size() || !HexFormat.of().formatHex(sha.digest()).equals(expected.sha256())) {
            throw new IOException("file '" + name + "' changed while it was being published; publish it again");
        }
        return true;
    }

    /**
     * Streams a blob's chunks into {@code out} (one chunk in memory: the driver fetches a row at a time).
     *
     * @return the SHA-256 (hex) and size of what was written
     */
    static Digest copy(Connection c, String sha256, OutputStream out) throws SQLException, IOException {
        MessageDigest sha = sha256();
        long size = 0;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT bytes FROM blob_chunks WHERE sha256 = ? ORDER BY seq")) {
            s.setFetchSize(1);
            s.setString(1, sha256);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byte[] bytes = rs.getBytes(1);
                    sha.update(bytes);
                    out.write(bytes);
                    size += bytes.length;
                }
            }
        }
        return new Digest(HexFormat.of().formatHex(sha.digest()), size);
    }

    /** Deletes every blob no version refers to (their chunks go with them). */
    static int collectGarbage(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM blobs b WHERE NOT EXISTS"
                + " (SELECT 1 FROM version_files f WHERE f.sha256 = b.sha256)")) {
            return s.executeUpdate();
        }
    }

    private static void advisoryLock(Connection c, String function) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + function + "(?)")) {
            s.setLong(1, COLLECTION_LOCK);
            s.execute();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
