package io.merx.cluster.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.merx.runtime.cluster.DesiredModel;

/** The bundle brings its own schema: an empty database gets every table, and a second start changes nothing. */
@ExtendWith(PostgresExtension.class)
class SchemaMigrationTest {

    @Test
    void migratesAnEmptyDatabaseOnceAndKeepsDataOnTheNextStart(PostgresServer server) throws Exception {
        String url = server.createDatabase("migration");

        try (PostgresSharedState first = TestNodes.node(server, url, "a")) {
            assertEquals(List.of("blob_chunks", "blobs", "jobs", "leases", "merx_schema_history", "models", "nodes",
                    "version_files", "versions"), tables(server, url));
            first.write(new DesiredModel("churn", List.of("1"), Map.of("live", "1"), List.of(), null, null, 1, 0));
        }
        try (PostgresSharedState second = TestNodes.node(server, url, "a")) {
            assertEquals(1, second.model("churn").orElseThrow().revision(), "data written before the restart");
        }
        assertEquals(List.of("1|shared state|true"), history(server, url), "V1 applied once, successfully");
    }

    @Test
    void describesTheDatabaseWithoutCredentials(PostgresServer server) {
        String url = server.createDatabase("describe");
        try (PostgresSharedState node = TestNodes.node(server, url, "a")) {
            assertEquals("PostgreSQL at 127.0.0.1:" + server.port() + "/describe", node.describe());
            assertEquals("a", node.nodeName());
        }
        assertTrue(TestNodes.config(Map.of("jdbcUrl", url)).chunkSizeBytes() == 1024 * 1024, "1 MiB chunks");
    }

    private static List<String> tables(PostgresServer server, String url) throws SQLException {
        return strings(server, url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
    }

    private static List<String> history(PostgresServer server, String url) throws SQLException {
        return strings(server, url, "SELECT version || '|' || description || '|' || success"
                + " FROM merx_schema_history WHERE version IS NOT NULL ORDER BY installed_rank");
    }

    static List<String> strings(PostgresServer server, String url, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, server.user(), server.password());
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
