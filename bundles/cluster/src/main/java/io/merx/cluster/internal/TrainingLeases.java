package io.merx.cluster.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import io.merx.runtime.cluster.JobLease;

/**
 * The {@code leases} table: at most one training lease per model. Invariant: a lease is taken only when none is
 * held or the held one has expired, and renewed or released only with the token it was taken with; expiry is
 * judged on the database's clock, so node clocks do not matter.
 */
final class TrainingLeases {

    private TrainingLeases() {
    }

    static Optional<JobLease> acquire(Connection c, String model, String node, Duration ttl) throws SQLException {
        String token = UUID.randomUUID().toString();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO leases (model, node, token, expires_at)"
                + " VALUES (?, ?, ?, now() + (? * interval '1 millisecond')) ON CONFLICT (model) DO UPDATE"
                + " SET node = EXCLUDED.node, token = EXCLUDED.token, expires_at = EXCLUDED.expires_at"
                + " WHERE leases.expires_at <= now() RETURNING expires_at")) {
            s.setString(1, model);
            s.setString(2, node);
            s.setString(3, token);
            s.setLong(4, ttl.toMillis());
            return lease(s, model, node, token);
        }
    }

    static Optional<JobLease> renew(Connection c, JobLease lease, Duration ttl) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE leases SET expires_at = now() + (? * interval"
                + " '1 millisecond') WHERE model = ? AND token = ? RETURNING expires_at")) {
            s.setLong(1, ttl.toMillis());
            s.setString(2, lease.model());
            s.setString(3, lease.token());
            return lease(s, lease.model(), lease.node(), lease.token());
        }
    }

    static void release(Connection c, JobLease lease) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM leases WHERE model = ? AND token = ?")) {
            s.setString(1, lease.model());
            s.setString(2, lease.token());
            s.executeUpdate();
        }
    }

    private static Optional<JobLease> lease(PreparedStatement s, String model, String node, String token)
            throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            return rs.next()
                    ? Optional.of(new JobLease(model, node, token, rs.getObject(1, OffsetDateTime.class).toInstant()))
                    : Optional.empty();
        }
    }
}
