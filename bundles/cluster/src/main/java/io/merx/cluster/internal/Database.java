package io.merx.cluster.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import io.merx.runtime.cluster.SharedStateUnavailableException;

/**
 * The shared database: a small pool for calls, fresh connections for the change feed, and one rule for failures.
 * Invariant: no SQLException leaves this class; a database that is gone becomes a
 * {@link SharedStateUnavailableException} saying "PostgreSQL at host:port/db is unreachable", any other error one
 * that says what failed, and neither ever carries the password. The schema is migrated before the first call runs,
 * however long the database was away.
 */
final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** Work in one transaction; may stream local files. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException, IOException;
    }

    private final PGSimpleDataSource source;
    private final HikariDataSource pool;
    private final String description;
    private final String password;
    private volatile boolean migrated;

    Database(String jdbcUrl, String user, String password, String applicationName, int connectTimeoutSeconds,
            int socketTimeoutSeconds, int poolSize) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(
                    "jdbcUrl must name a PostgreSQL database, for example jdbc:postgresql://127.0.0.1:5432/merx");
        }
        this.password = password == null ? "" : password;
        source = new PGSimpleDataSource();
        try {
            source.setURL(jdbcUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "jdbcUrl is not a valid PostgreSQL URL, expected jdbc:postgresql://host:port/database");
        }
        source.setUser(user);
        source.setPassword(this.password);
        source.setConnectTimeout(connectTimeoutSeconds);
        source.setLoginTimeout(connectTimeoutSeconds);
        source.setSocketTimeout(socketTimeoutSeconds);
        source.setTcpKeepAlive(true);
        source.setApplicationName(applicationName);
        description = describe(source);

        HikariConfig config = new HikariConfig();
        config.setPoolName("merx-cluster");
        config.setDataSource(source);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        long timeout = Math.max(1000L, connectTimeoutSeconds * 1000L);
        config.setConnectionTimeout(timeout);
        config.setValidationTimeout(Math.max(250L, timeout / 2));
        // Start without the database: calls fail as unreachable until it answers.
        config.setInitializationFailTimeout(-1);
        pool = new HikariDataSource(config);
    }

    /** @return "PostgreSQL at host:port/database", never credentials */
    String description() {
        return description;
    }

    /**
     * Migrates the schema now if it was not yet.
     *
     * @throws SharedStateUnavailableException when the database cannot be reached
     */
    void migrate() {
        if (migrated) {
            return;
        }
        synchronized (this) {
            if (!migrated) {
                try {
                    // Directly, not through the pool: right after the database returns the pool may still be
                    // backing off, and migrating happens once.
                    Schema.migrate(source);
                } catch (RuntimeException e) {
                    SQLException sql = sqlCause(e);
                    throw sql != null ? failure("migrate the schema", sql)
                            : new SharedStateUnavailableException(
                                    description + " could not be migrated: " + scrub(e.getMessage()), e);
                }
                migrated = true;
                LOG.info("Cluster store {}: schema is current", description);
            }
        }
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
     *
     * @param what what the work does, for the message when it fails ("store model 'x'")
     */
    <T> T transaction(String what, Work<T> work) {
        try {
            return streaming(what, work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like {@link #transaction}, for work that reads or writes local files. */
    <T> T streaming(String what, Work<T> work) throws IOException {
        migrate();
        // The pool restores auto-commit when the connection goes back.
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | IOException | RuntimeException | Error e) {
                rollbackQuietly(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /**
     * A pooled connection; while the pool holds none (the database is or was away), a direct one. The pool refills
     * in the background with a back-off of up to 5 s; asking the database directly fails at once with its current
     * answer while it is down, and works the moment it is back.
     */
    private Connection connect() throws SQLException {
        HikariPoolMXBean state = pool.getHikariPoolMXBean();
        if (state != null && state.getTotalConnections() == 0) {
            return source.getConnection();
        }
        return pool.getConnection();
    }

    /** A connection outside the pool, for LISTEN. */
    Connection dedicatedConnection() throws SQLException {
        return source.getConnection();
    }

    /**
     * @param what what failed
     * @param e the driver's or the pool's exception
     * @return the exception the runtime sees
     */
    SharedStateUnavailableException failure(String what, SQLException e) {
        if (meansUnreachable(e)) {
            return new SharedStateUnavailableException(description + " is unreachable: " + reason(e), e);
        }
        return new SharedStateUnavailableException(description + " failed to " + what + ": " + reason(e), e);
    }

    /** True when the exception says the database is gone, not that a statement was wrong. */
    static boolean meansUnreachable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof java.net.SocketException
                    || t instanceof java.io.EOFException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exception; 57P: server shutting down or starting; 28: credentials refused;
                // 3D000: no such database; 53300: too many connections.
                if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("28")
                        || state.equals("3D000") || state.equals("53300")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The driver's own words (the deepest SQL message), without the pool's wrapping or the password. */
    private String reason(SQLException e) {
        String message = e.getMessage();
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return scrub(message);
    }

    private String scrub(String message) {
        if (message == null) {
            return "no reason given";
        }
        String scrubbed = password.isEmpty() ? message : message.replace(password, "****");
        // The driver ends its sentences with a period; ours go on after the reason.
        return scrubbed.endsWith(".") ? scrubbed.substring(0, scrubbed.length() - 1) : scrubbed;
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the pool drops it and the database rolled back anyway.
        }
    }

    private static String describe(PGSimpleDataSource source) {
        String host = source.getServerNames().length > 0 ? source.getServerNames()[0] : "localhost";
        int port = source.getPortNumbers().length > 0 && source.getPortNumbers()[0] > 0
                ? source.getPortNumbers()[0] : 5432;
        return "PostgreSQL at " + host + ":" + port + "/" + source.getDatabaseName();
    }

    @Override
    public void close() {
        pool.close();
    }
}
