package io.merx.cluster.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.merx.api.runtime.JobState;
import io.merx.runtime.cluster.SharedJob;

/** The {@code jobs} table: every node's training jobs, as the node running each last recorded it. */
final class SharedJobs {

    private SharedJobs() {
    }

    static void record(Connection c, SharedJob job) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO jobs (id, model, kind, node, state, message,"
                + " version, started_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE"
                + " SET model = EXCLUDED.model, kind = EXCLUDED.kind, node = EXCLUDED.node, state = EXCLUDED.state,"
                + " message = EXCLUDED.message, version = EXCLUDED.version, started_at = EXCLUDED.started_at,"
                + " finished_at = EXCLUDED.finished_at")) {
            s.setString(1, job.id());
            s.setString(2, job.model());
            s.setString(3, job.kind());
            s.setString(4, job.node());
            s.setString(5, job.state().name());
            s.setString(6, job.message());
            s.setString(7, job.version());
            s.setObject(8, time(job.startedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
            s.setObject(9, time(job.finishedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
            s.executeUpdate();
        }
    }

    static List<SharedJob> all(Connection c) throws SQLException {
        List<SharedJob> jobs = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, model, kind, node, state, message, version,"
                + " started_at, finished_at FROM jobs ORDER BY started_at DESC, id");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                OffsetDateTime finished = rs.getObject(9, OffsetDateTime.class);
                jobs.add(new SharedJob(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        JobState.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class).toInstant(),
                        finished == null ? null : finished.toInstant()));
            }
        }
        return jobs;
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
