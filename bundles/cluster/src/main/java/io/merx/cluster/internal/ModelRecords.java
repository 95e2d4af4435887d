package io.merx.cluster.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.merx.runtime.cluster.ConcurrentChangeException;
import io.merx.runtime.cluster.DesiredModel;

/**
 * The {@code models} table. Invariant: a write lands only on the revision it was derived from (an UPDATE guarded
 * by {@code revision = ?}, or an INSERT that the primary key stops when another node created the model first), so
 * of two writers from one revision the second gets a {@link ConcurrentChangeException}, never a lost update; and
 * every write tells the other nodes on {@link #CHANNEL} in the same transaction, so they hear of it exactly when it
 * is visible.
 */
final class ModelRecords {

    /** The LISTEN/NOTIFY channel; the payload is the model's name. */
    static final String CHANNEL = "merx_models";

    private ModelRecords() {
    }

    static List<DesiredModel> all(Connection c) throws SQLException {
        List<DesiredModel> models = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT name, record::text, last_version, revision FROM models ORDER BY name");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                models.add(StateJson.model(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
            }
        }
        return models;
    }

    static Optional<DesiredModel> find(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT record::text, last_version, revision FROM models WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(StateJson.model(name, rs.getString(1), rs.getLong(2), rs.getLong(3)))
                        : Optional.empty();
            }
        }
    }

    static DesiredModel write(Connection c, DesiredModel next) throws SQLException {
        String sql = next.revision() == 0
                ? "INSERT INTO models (record, last_version, name, revision) VALUES (CAST(? AS jsonb), ?, ?, 1)"
                        + " ON CONFLICT (name) DO NOTHING RETURNING revision, last_version"
                : "UPDATE models SET record = CAST(? AS jsonb), last_version = GREATEST(last_version, ?),"
                        + " revision = revision + 1, updated_at = now() WHERE name = ? AND revision = ?"
                        + " RETURNING revision, last_version";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, StateJson.record(next));
            s.setLong(2, next.lastVersion());
            s.setString(3, next.name());
            if (next.revision() != 0) {
                s.setLong(4, next.revision());
            }
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw conflict(c, next.name(), next.revision());
                }
                notifyChanged(c, next.name());
                return new DesiredModel(next.name(), next.versions(), next.aliases(), next.liveHistory(),
                        next.canary(), next.shadow(), rs.getLong(2), rs.getLong(1));
            }
        }
    }

    /** Deletes the record if it is still at {@code revision}; a model already gone at revision 0 is no change. */
    static void remove(Connection c, String name, long revision) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM models WHERE name = ? AND revision = ?")) {
            s.setString(1, name);
            s.setLong(2, revision);
            if (s.executeUpdate() == 0) {
                if (revision == 0 && find(c, name).isEmpty()) {
                    return;
                }
                throw conflict(c, name, revision);
            }
        }
        notifyChanged(c, name);
    }

    private static void notifyChanged(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_notify('" + CHANNEL + "', ?)")) {
            s.setString(1, name);
            s.execute();
        }
    }

    private static ConcurrentChangeException conflict(Connection c, String name, long read) throws SQLException {
        Optional<DesiredModel> now = find(c, name);
        if (now.isEmpty()) {
            return new ConcurrentChangeException("model '" + name + "' was removed meanwhile (you read revision "
                    + read + "); read it again and retry");
        }
        if (read == 0) {
            return new ConcurrentChangeException("model '" + name + "' was created meanwhile (now at revision "
                    + now.get().revision() + "); read it again and retry");
        }
        return new ConcurrentChangeException("model '" + name + "' was changed meanwhile (now at revision "
                + now.get().revision() + ", you read " + read + "); read it again and retry");
    }
}
