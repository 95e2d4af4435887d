package io.merx.graph.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.summary.SummaryCounters;
import org.neo4j.driver.types.Entity;

import io.merx.api.Dataset;
import io.merx.graph.GraphStore;
import io.merx.graph.GraphUnavailableException;
import io.merx.graph.IngestOptions;
import io.merx.graph.IngestReport;

/**
 * {@link GraphStore} on the Neo4j Java driver. The driver's managed transactions retry transient failures
 * (a restarting server, a lost connection, a deadlock) with exponential backoff for up to
 * {@code retrySeconds}; each call runs in one transaction, so a failed batch leaves nothing behind.
 */
public final class Neo4jGraphStore implements GraphStore, AutoCloseable {

    private final Driver driver;
    private final String uri;
    private final String database;
    private final String origin;
    private final int retrySeconds;

    private Neo4jGraphStore(Driver driver, String uri, String database, String origin, int retrySeconds) {
        this.driver = driver;
        this.uri = uri;
        this.database = database;
        this.origin = origin;
        this.retrySeconds = retrySeconds;
    }

    /**
     * Connects and checks that the server answers and the credentials are right.
     *
     * @param origin shown by {@link #describe()}, e.g. {@code embedded}
     * @throws GraphUnavailableException when the server does not answer or refuses the credentials
     */
    public static Neo4jGraphStore connect(String uri, String user, String password, String database, int poolSize,
            int retrySeconds, String origin) throws GraphUnavailableException {
        Config config = Config.builder()
                .withMaxConnectionPoolSize(poolSize)
                .withMaxTransactionRetryTime(retrySeconds, TimeUnit.SECONDS)
                .withConnectionTimeout(10, TimeUnit.SECONDS)
                .withConnectionAcquisitionTimeout(Math.max(10, retrySeconds), TimeUnit.SECONDS)
                .withLogging(Logging.slf4j())
                .build();
        // Netty and the driver look up classes through the context loader; inside OSGi that must be this bundle.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Neo4jGraphStore.class.getClassLoader());
        Driver driver = null;
        try {
            driver = GraphDatabase.driver(uri, AuthTokens.basic(user, password), config);
            driver.verifyConnectivity();
            return new Neo4jGraphStore(driver, uri, database, origin, retrySeconds);
        } catch (AuthenticationException e) {
            close(driver);
            throw new GraphUnavailableException("Neo4j at " + uri + " refused user '" + user + "': "
                    + e.getMessage() + " (check user/password in etc/io.merx.graph.cfg)", e);
        } catch (RuntimeException e) {
            close(driver);
            throw new GraphUnavailableException("Neo4j at " + uri + " is not reachable: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void close(Driver driver) {
        if (driver != null) {
            driver.close();
        }
    }

    @Override
    public IngestReport ingest(Dataset data, IngestOptions options, DoubleConsumer progress)
            throws GraphUnavailableException {
        return new Ingestion(this, data, options).run(progress);
    }

    @Override
    public List<Map<String, Object>> query(String cypher, Map<String, Object> parameters)
            throws GraphUnavailableException {
        try (Session session = session()) {
            return session.executeRead(tx -> {
                List<Map<String, Object>> rows = new ArrayList<>();
                tx.run(cypher, parameters).forEachRemaining(record -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (String key : record.keys()) {
                        row.put(key, plain(record.get(key)));
                    }
                    rows.add(row);
                });
                return rows;
            });
        } catch (ClientException e) {
            throw new IllegalArgumentException("Cypher query refused: " + e.getMessage(), e);
        } catch (Neo4jException | IllegalStateException e) {
            throw unavailable("query", e);
        }
    }

    @Override
    public void stream(String cypher, Map<String, Object> parameters, Consumer<Map<String, Object>> rows)
            throws GraphUnavailableException {
        try (Session session = session()) {
            session.run(cypher, parameters).forEachRemaining(record -> {
                Map<String, Object> row = new LinkedHashMap<>();
                for (String key : record.keys()) {
                    row.put(key, plain(record.get(key)));
                }
                rows.accept(row);
            });
        } catch (ClientException e) {
            throw new IllegalArgumentException("Cypher query refused: " + e.getMessage(), e);
        } catch (Neo4jException | IllegalStateException e) {
            throw unavailable("query", e);
        }
    }

    @Override
    public long write(String cypher, Map<String, Object> parameters) throws GraphUnavailableException {
        SummaryCounters counters = writeCounting(cypher, parameters);
        return counters.nodesCreated() + counters.relationshipsCreated() + counters.propertiesSet();
    }

    /** One write transaction, retried by the driver; returns what it changed. */
    SummaryCounters writeCounting(String cypher, Map<String, Object> parameters) throws GraphUnavailableException {
        try (Session session = session()) {
            return session.executeWrite(tx -> tx.run(cypher, parameters).consume().counters());
        } catch (ClientException e) {
            throw new IllegalArgumentException("Cypher statement refused: " + e.getMessage(), e);
        } catch (Neo4jException | IllegalStateException e) {
            throw unavailable("write", e);
        }
    }

    /** Schema statements run outside explicit transactions, as Neo4j requires for index and constraint DDL. */
    void schema(String cypher) throws GraphUnavailableException {
        try (Session session = session()) {
            session.run(cypher).consume();
        } catch (Neo4jException e) {
            throw unavailable("schema update", e);
        }
    }

    private Session session() {
        return driver.session(SessionConfig.forDatabase(database));
    }

    private GraphUnavailableException unavailable(String what, Exception e) {
        return new GraphUnavailableException("Neo4j " + what + " failed at " + uri + " after retrying for up to "
                + retrySeconds + " s: " + e.getMessage(), e);
    }

    private static Object plain(Value value) {
        Object object = value.asObject();
        if (object instanceof Entity entity) {
            return entity.asMap();
        }
        return object;
    }

    @Override
    public String describe() {
        return uri + " database " + database + " (" + origin + ")";
    }

    @Override
    public void close() {
        driver.close();
    }
}
