package io.merx.cluster.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.merx.runtime.cluster.NodeReport;

/**
 * The {@code nodes} table: each node's last report. Ages are measured on the database's clock ({@code now()} when
 * the report arrived), so nodes whose clocks disagree still see each other's heartbeats correctly.
 */
final class NodeReports {

    private NodeReports() {
    }

    static void report(Connection c, NodeReport report) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO nodes (name, report, heartbeat_at)"
                + " VALUES (?, CAST(? AS jsonb), now()) ON CONFLICT (name)"
                + " DO UPDATE SET report = EXCLUDED.report, heartbeat_at = EXCLUDED.heartbeat_at")) {
            s.setString(1, report.node());
            s.setString(2, StateJson.report(report));
            s.executeUpdate();
        }
    }

    static List<NodeReport> recent(Connection c, Duration maxAge) throws SQLException {
        List<NodeReport> nodes = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT report::text FROM nodes"
                + " WHERE heartbeat_at >= now() - (? * interval '1 millisecond') ORDER BY name")) {
            s.setLong(1, maxAge.toMillis());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    nodes.add(StateJson.report(rs.getString(1)));
                }
            }
        }
        return nodes;
    }
}
