package io.merx.itests.cluster;

import java.io.IOException;
import java.nio.file.Path;

import io.merx.cluster.internal.PostgresServer;

/** {@link TestDatabase} on merx-cluster's real-PostgreSQL launcher (its test-jar): the zonky binaries, started here. */
final class PostgresDatabase implements TestDatabase {

    private final PostgresServer server;
    private final String jdbcUrl;

    private PostgresDatabase(PostgresServer server, String jdbcUrl) {
        this.server = server;
        this.jdbcUrl = jdbcUrl;
    }

    static PostgresDatabase start(Path work, String database) throws IOException {
        PostgresServer server = PostgresServer.start(work.toAbsolutePath());
        return new PostgresDatabase(server, server.createDatabase(database));
    }

    @Override
    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public String user() {
        return server.user();
    }

    @Override
    public String password() {
        return server.password();
    }

    @Override
    public void stop() throws IOException {
        server.stop();
    }

    @Override
    public void restart() throws IOException {
        server.restart();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
