package io.merx.graph.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.graph.GraphStore;
import io.merx.graph.GraphUnavailableException;

/**
 * Connects to Neo4j, in the background so Karaf's start never waits on it, and registers the
 * {@link GraphStore} service once the database answers; the graph kinds train with that service and serve
 * without it. Without a configured URI it starts and watches the
 * embedded server, restarting it on the same port if it dies. A configuration change re-creates this
 * component, which reconnects.
 */
@Component(configurationPid = "io.merx.graph", configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        service = {})
@Designate(ocd = GraphConfig.class)
public final class Neo4jConnector {

    private static final Logger LOG = LoggerFactory.getLogger(Neo4jConnector.class);
    private static final long MAX_BACKOFF_MS = 60_000;

    private final BundleContext context;
    private final GraphConfig config;
    private final Thread worker;
    private final Object monitor = new Object();
    private volatile boolean stopped;
    private EmbeddedNeo4j embedded;
    private Neo4jGraphStore store;
    private ServiceRegistration<GraphStore> registration;

    @Activate
    public Neo4jConnector(BundleContext context, GraphConfig config) {
        this.context = context;
        this.config = config;
        this.worker = new Thread(this::run, "merx-graph-connector");
        worker.setDaemon(true);
        worker.start();
    }

    private void run() {
        long backoff = 1_000;
        int port = 0;
        while (!stopped) {
            try {
                if (config.uri().isBlank() && (embedded == null || !embedded.isAlive())) {
                    if (embedded != null) {
                        LOG.warn("Embedded Neo4j (pid {}) exited; restarting it", embedded.pid());
                        embedded.close();
                    }
                    embedded = startEmbedded(port);
                    port = URI.create(embedded.uri()).getPort();
                }
                if (store == null) {
                    connect();
                }
                backoff = 1_000;
                pause(5_000);
            } catch (IOException | GraphUnavailableException | RuntimeException e) {
                if (stopped) {
                    return;
                }
                LOG.warn("Graph store not available ({}); retrying in {} s", e.getMessage(), backoff / 1000);
                pause(backoff);
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
    }

    private EmbeddedNeo4j startEmbedded(int port) throws IOException {
        Path home = Path.of(System.getProperty("karaf.home", "."));
        Path data = Path.of(System.getProperty("karaf.data", home.resolve("data").toString())).resolve("neo4j");
        Credentials.embeddedPassword(data);
        return EmbeddedNeo4j.start(EmbeddedNeo4j.classPathOf(home.resolve("neo4j").resolve("lib")),
                data.resolve("store"), data.resolve(Credentials.FILE), port, config.embeddedHeapMb(),
                config.embeddedPageCacheMb(), config.embeddedStartSeconds());
    }

    private void connect() throws IOException, GraphUnavailableException {
        Neo4jGraphStore connected;
        if (config.uri().isBlank()) {
            Path data = Path.of(System.getProperty("karaf.data", "data")).resolve("neo4j");
            connected = Neo4jGraphStore.connect(embedded.uri(), "neo4j", Credentials.embeddedPassword(data),
                    "neo4j", config.poolSize(), config.retrySeconds(), "embedded, pid " + embedded.pid());
        } else {
            connected = Neo4jGraphStore.connect(config.uri(), config.user(), config.password(), config.database(),
                    config.poolSize(), config.retrySeconds(), "external");
        }
        try {
            Schema.ensure(connected);
        } catch (GraphUnavailableException | RuntimeException e) {
            connected.close();
            throw e;
        }
        synchronized (monitor) {
            if (stopped) {
                connected.close();
                return;
            }
            store = connected;
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("merx.graph.uri", config.uri().isBlank() ? embedded.uri() : config.uri());
            registration = context.registerService(GraphStore.class, connected, properties);
        }
        LOG.info("Graph store connected: {}", connected.describe());
    }

    private void pause(long millis) {
        synchronized (monitor) {
            if (!stopped) {
                try {
                    monitor.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopped = true;
                }
            }
        }
    }

    @Deactivate
    void deactivate() {
        synchronized (monitor) {
            stopped = true;
            monitor.notifyAll();
        }
        worker.interrupt();
        try {
            worker.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (monitor) {
            if (registration != null) {
                registration.unregister();
                registration = null;
            }
            if (store != null) {
                store.close();
                store = null;
            }
        }
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }
}
