package io.merx.graph.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Runs Neo4j community embedded with only the Bolt connector, for the merx-graph bundle, which starts it as a
 * child JVM so that Neo4j's Netty 4.1 never meets the driver's Netty 4.2 inside Karaf.
 *
 * <p>Protocol with the parent: once Bolt accepts connections the server prints one line
 * {@code MERX-GRAPH-READY bolt://host:port} on standard output; it shuts down when its standard input reaches
 * end-of-file (the parent closed it, or died) or reads the line {@code stop}, and from its first moment, even
 * while Neo4j is still starting, when the parent process ({@code --parent-pid}, else the direct parent) is gone.
 *
 * <pre>
 * java -cp 'neo4j/lib/*' io.merx.graph.server.GraphServer --home data/neo4j --password-file data/neo4j/password
 * </pre>
 */
public final class GraphServer {

    /** The line prefix the parent waits for. */
    public static final String READY = "MERX-GRAPH-READY ";

    private GraphServer() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            // Neo4j leaves non-daemon threads behind when start fails: exit explicitly so the parent sees it.
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        Options options = Options.parse(args);
        ParentWatch.start(options.parentPid);
        PrintStream out = System.out;
        String password = Files.readString(options.passwordFile, StandardCharsets.UTF_8).trim();
        if (password.length() < 8) {
            throw new IllegalArgumentException("--password-file " + options.passwordFile
                    + " must hold a password of at least 8 characters");
        }
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(options.home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(options.host, options.port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(options.host, options.port))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, options.pageCacheBytes)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "keep_none")
                // Without these Netty waits 2 s of quiet period plus up to 15 s before the JVM can exit.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(1))
                .build();
        Thread hook = new Thread(dbms::shutdown, "merx-graph-server-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        applyPassword(dbms, password);
        // Bolt answers before the user database has started; clients must not see it half-ready.
        GraphDatabaseService user = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        while (!user.isAvailable(1_000)) {
            Thread.onSpinWait();
        }
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        var address = ((GraphDatabaseAPI) system).getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class).getLocalAddress(ConnectorType.BOLT);
        out.println(READY + "bolt://" + options.host + ":" + address.getPort());
        out.flush();
        waitForStop();
        Runtime.getRuntime().removeShutdownHook(hook);
        dbms.shutdown();
        System.exit(0);
    }

    /** Sets the generated password of user neo4j, so the server never runs with the default one or without auth. */
    private static void applyPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (QueryExecutionException e) {
            // Second and later starts: the password is already the configured one.
            if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
                throw e;
            }
        }
    }

    private static void waitForStop() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.trim().equals("stop")) {
                return;
            }
        }
    }

    /** Command-line options. */
    private record Options(Path home, Path passwordFile, String host, int port, long pageCacheBytes, long parentPid) {

        static Options parse(String[] args) {
            Path home = null;
            Path passwordFile = null;
            String host = "127.0.0.1";
            int port = 0;
            long pageCache = 128L << 20;
            long parentPid = 0;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--home" -> home = Path.of(require(args[i], value));
                    case "--password-file" -> passwordFile = Path.of(require(args[i], value));
                    case "--host" -> host = require(args[i], value);
                    case "--port" -> port = Integer.parseInt(require(args[i], value));
                    case "--page-cache-mb" -> pageCache = Long.parseLong(require(args[i], value)) << 20;
                    case "--parent-pid" -> parentPid = Long.parseLong(require(args[i], value));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; usage: --home DIR --password-file FILE [--host 127.0.0.1] [--port 0]"
                            + " [--page-cache-mb 128] [--parent-pid PID]");
                }
                i++;
            }
            if (home == null || passwordFile == null) {
                throw new IllegalArgumentException("--home and --password-file are required");
            }
            return new Options(home, passwordFile, host, port, pageCache, parentPid);
        }

        private static String require(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return value;
        }
    }
}
