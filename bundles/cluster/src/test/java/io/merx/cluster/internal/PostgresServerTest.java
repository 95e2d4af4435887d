package io.merx.cluster.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test launcher itself: a real server that can be stopped and started again, as root or not. */
class PostgresServerTest {

    @Test
    void startsStopsAndRestartsARealServer() throws Exception {
        try (PostgresServer server = PostgresServer.start(Path.of("target", "postgres"))) {
            String url = server.createDatabase("launcher");
            assertTrue(version(url, server).startsWith("PostgreSQL 17"), "a PostgreSQL 17 server answers");

            server.stop();
            assertThrows(SQLException.class, () -> version(url, server), "a stopped server refuses connections");

            server.restart();
            assertTrue(version(url, server).startsWith("PostgreSQL 17"), "the restarted server answers");
            assertThrows(SQLException.class, () -> DriverManager.getConnection(url, server.user(), "wrong"),
                    "the server checks passwords");
        }
    }

    @Test
    void startsUnderADirectoryOthersCannotEnter(@TempDir Path closed) throws Exception {
        // JUnit's temporary directories are rwx------: as root, the server's user could not reach binaries there.
        try (PostgresServer server = PostgresServer.start(closed.resolve("postgres"))) {
            assertTrue(version(server.createDatabase("closed"), server).startsWith("PostgreSQL 17"));
        }
    }

    private static String version(String url, PostgresServer server) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, server.user(), server.password());
                ResultSet rs = c.createStatement().executeQuery("SELECT version()")) {
            rs.next();
            assertEquals(1, rs.getMetaData().getColumnCount());
            return rs.getString(1);
        }
    }
}
