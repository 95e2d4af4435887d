package io.merx.cluster.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Version files go through the database in chunks and come back byte for byte on another node. The module's tests
 * run with a 48 MiB heap (see the pom), so moving the 64 MiB file proves neither side holds a file whole.
 */
@ExtendWith(PostgresExtension.class)
class VersionFilesTest {

    private static final int MIB = 1024 * 1024;

    private final PostgresServer server;
    private String url;
    private PostgresSharedState a;
    private PostgresSharedState b;

    @TempDir
    Path temp;

    VersionFilesTest(PostgresServer server) {
        this.server = server;
    }

    @BeforeEach
    void twoNodes() {
        url = server.createDatabase("files");
        a = TestNodes.node(server, url, "a");
        b = TestNodes.node(server, url, "b");
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    @Test
    void aLargeVersionIsFetchedByteIdenticalOnTheOtherNodeInChunks() throws Exception {
        Path version = Files.createDirectories(temp.resolve("published"));
        Files.writeString(version.resolve("manifest.json"), "{\"kind\":\"test\",\"version\":\"1\"}\n");
        randomFile(version.resolve("weights/params.bin"), 64 * MIB + 12345, 1);
        Files.write(version.resolve("empty.txt"), new byte[0]);

        a.publishVersion("churn", "1", version);
        assertTrue(b.hasVersion("churn", "1"));
        assertFalse(b.hasVersion("churn", "2"));
        assertEquals("65", query("SELECT count(*) FROM blob_chunks c JOIN version_files f ON f.sha256 = c.sha256"
                + " WHERE f.path = 'weights/params.bin'"), "64 MiB + 12345 bytes in 1 MiB chunks");
        assertEquals(String.valueOf(MIB), query("SELECT max(length(bytes)) FROM blob_chunks"));
        assertEquals("{\"kind\":\"test\",\"version\":\"1\"}\n",
                query("SELECT convert_from(manifest, 'UTF8') FROM versions WHERE model = 'churn'"));

        Path fetched = temp.resolve("fetched");
        b.fetchVersion("churn", "1", fetched);
        assertEquals(List.of("empty.txt", "manifest.json", "weights/params.bin"), files(fetched));
        assertEquals(Blobs.digest(version.resolve("weights/params.bin")),
                Blobs.digest(fetched.resolve("weights/params.bin")), "same SHA-256 and size");
        assertArrayEquals(Files.readAllBytes(version.resolve("manifest.json")),
                Files.readAllBytes(fetched.resolve("manifest.json")));
        assertEquals(0, Files.size(fetched.resolve("empty.txt")));

        a.publishVersion("churn", "1", version);
        assertEquals("3", query("SELECT count(*) FROM version_files"), "publishing the same version again is a no-op");
    }

    @Test
    void aDamagedChunkFailsTheFetchNamingTheFileAndLeavesNothingBehind() throws Exception {
        Path version = Files.createDirectories(temp.resolve("published"));
        Files.writeString(version.resolve("manifest.json"), "{}");
        randomFile(version.resolve("model.bin"), 3 * MIB, 2);
        a.publishVersion("churn", "1", version);
        update("UPDATE blob_chunks SET bytes = overlay(bytes placing '\\x00'::bytea from 10 for 1)"
                + " WHERE seq = 1 AND sha256 = (SELECT sha256 FROM version_files WHERE path = 'model.bin')");

        Path fetched = temp.resolve("fetched");
        IOException failure = assertThrows(IOException.class, () -> b.fetchVersion("churn", "1", fetched));
        assertTrue(failure.getMessage().startsWith("file 'model.bin' of version 1 of model 'churn' does not match"
                + " its SHA-256"), failure.getMessage());
        assertEquals(List.of(), files(fetched), "nothing half-fetched is left");
    }

    @Test
    void aFileSharedByTwoVersionsIsStoredOnceAndOutlivesOneOfThem() throws Exception {
        Path v1 = Files.createDirectories(temp.resolve("v1"));
        Path v2 = Files.createDirectories(temp.resolve("v2"));
        randomFile(v1.resolve("vocabulary.bin"), 2 * MIB + 1, 3);
        Files.copy(v1.resolve("vocabulary.bin"), v2.resolve("vocabulary.bin"));
        Files.writeString(v1.resolve("manifest.json"), "{\"version\":\"1\"}");
        Files.writeString(v2.resolve("manifest.json"), "{\"version\":\"2\"}");

        a.publishVersion("nlp", "1", v1);
        b.publishVersion("nlp", "2", v2);
        assertEquals("3", query("SELECT count(*) FROM blobs"), "one vocabulary and two manifests");
        assertEquals("3", query("SELECT count(*) FROM blob_chunks c JOIN blobs b ON b.sha256 = c.sha256"
                + " WHERE b.size = " + (2 * MIB + 1)));

        a.deleteVersion("nlp", "1");
        assertFalse(b.hasVersion("nlp", "1"));
        assertEquals("2", query("SELECT count(*) FROM blobs"), "v1's manifest is collected, the shared file stays");
        Path fetched = temp.resolve("fetched");
        b.fetchVersion("nlp", "2", fetched);
        assertEquals(Blobs.digest(v2.resolve("vocabulary.bin")), Blobs.digest(fetched.resolve("vocabulary.bin")));

        a.deleteVersion("nlp", "2");
        assertEquals("0", query("SELECT count(*) FROM blobs"));
        assertEquals("0", query("SELECT count(*) FROM blob_chunks"));
    }

    @Test
    void removingAModelCollectsItsFiles() throws Exception {
        Path v1 = Files.createDirectories(temp.resolve("v1"));
        Files.writeString(v1.resolve("manifest.json"), "{}");
        a.publishVersion("m", "1", v1);
        long revision = a.write(new io.merx.runtime.cluster.DesiredModel("m", List.of("1"), java.util.Map.of(),
                List.of(), null, null, 1, 0)).revision();

        b.remove("m", revision);
        assertFalse(a.hasVersion("m", "1"));
        assertEquals("0", query("SELECT count(*) FROM blobs"));
    }

    @Test
    void aPublishedVersionNeverChangesAndFetchingSomethingUnknownSaysSo() throws Exception {
        Path v1 = Files.createDirectories(temp.resolve("v1"));
        Files.writeString(v1.resolve("manifest.json"), "{\"a\":1}");
        a.publishVersion("m", "1", v1);
        Files.writeString(v1.resolve("manifest.json"), "{\"a\":2}");

        IllegalStateException changed = assertThrows(IllegalStateException.class,
                () -> b.publishVersion("m", "1", v1));
        assertEquals("version 1 of model 'm' is already published with other files; a published version never"
                + " changes", changed.getMessage());
        IOException unknown = assertThrows(IOException.class, () -> b.fetchVersion("m", "7", temp.resolve("x")));
        assertEquals("version 7 of model 'm' is not in the shared store", unknown.getMessage());
    }

    private static void randomFile(Path file, long size, long seed) throws IOException {
        Files.createDirectories(file.getParent());
        Random random = new Random(seed);
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= buffer.length) {
                random.nextBytes(buffer);
                out.write(buffer, 0, (int) Math.min(left, buffer.length));
            }
        }
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    private String query(String sql) throws SQLException {
        return SchemaMigrationTest.strings(server, url, sql).get(0);
    }

    private void update(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, server.user(), server.password())) {
            assertEquals(1, c.createStatement().executeUpdate(sql));
        }
    }

}
