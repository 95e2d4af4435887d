package io.merx.itests.cluster;

/**
 * The one PostgreSQL server a cluster test shares between its nodes: real PostgreSQL, which the test can take
 * away and bring back to show what nodes do without their shared state.
 */
public interface TestDatabase extends AutoCloseable {

    /** The database the nodes share, as {@code io.merx.cluster}'s {@code jdbcUrl} takes it. */
    String jdbcUrl();

    String user();

    String password();

    /** Stops the server at once: open connections break, new ones are refused. */
    void stop() throws Exception;

    /** Starts the stopped server again, on the same port with the same data. */
    void restart() throws Exception;

    /** Stops the server and removes its data. */
    @Override
    void close() throws Exception;
}
