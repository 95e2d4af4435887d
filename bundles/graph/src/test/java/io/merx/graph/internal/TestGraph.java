package io.merx.graph.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One real Neo4j per test JVM: the launcher of bundles/graph-server in a child JVM, started the way the bundle
 * starts it in Karaf, and a {@link Neo4jGraphStore} connected to it with the generated password.
 */
final class TestGraph {

    private static EmbeddedNeo4j server;
    private static Neo4jGraphStore store;
    private static Path home;

    private TestGraph() {
    }

    private static Exception failure;

    static synchronized Neo4jGraphStore store() throws Exception {
        if (failure != null) {
            throw new IllegalStateException("the test Neo4j did not start", failure);
        }
        if (store == null) {
            try {
                start();
                store = Neo4jGraphStore.connect(server.uri(), "neo4j", Credentials.embeddedPassword(home), "neo4j",
                        4, 20, "test");
                Schema.ensure(store);
            } catch (Exception e) {
                failure = e;
                if (server != null) {
                    server.close();
                }
                throw e;
            }
        }
        return store;
    }

    /** A kind trained against the test Neo4j, which it gets the way Declarative Services gives it. */
    static <K extends GraphKind> K bound(K kind) throws Exception {
        kind.bindStore(store());
        return kind;
    }

    static synchronized EmbeddedNeo4j server() throws Exception {
        store();
        return server;
    }

    /** A second store with its own retry budget, for fault tests. */
    static Neo4jGraphStore connect(int retrySeconds) throws Exception {
        store();
        return Neo4jGraphStore.connect(server.uri(), "neo4j", Credentials.embeddedPassword(home), "neo4j", 4,
                retrySeconds, "test");
    }

    /** Stops the server and starts it again on the same port and store, as after a crash. */
    static synchronized void restart(boolean kill) throws Exception {
        int port = java.net.URI.create(server.uri()).getPort();
        if (kill) {
            ProcessHandle.of(server.pid()).ifPresent(ProcessHandle::destroyForcibly);
            ProcessHandle.of(server.pid()).ifPresent(p -> p.onExit().join());
        }
        server.close();
        server = launch(port);
    }

    static synchronized void stop() {
        server.close();
    }

    static synchronized void startAgain(int port) throws Exception {
        server = launch(port);
    }

    static int port() {
        return java.net.URI.create(server.uri()).getPort();
    }

    private static void start() throws Exception {
        home = Path.of(System.getProperty("merx.graph.test.home", "target/neo4j-test"));
        if (Files.exists(home)) {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Credentials.embeddedPassword(home);
        server = launch(0);
    }

    private static EmbeddedNeo4j launch(int port) throws IOException {
        String classPath = System.getProperty("merx.graph.server.classpath");
        if (classPath == null || !Files.isDirectory(Path.of(classPath.split(java.io.File.pathSeparator)[0]))) {
            throw new IllegalStateException("Neo4j launcher not built: run 'mvn -f bundles/graph-server/pom.xml"
                    + " package' first (class path " + classPath + ")");
        }
        return EmbeddedNeo4j.start(classPath, home.resolve("store"), home.resolve(Credentials.FILE), port, 512, 64,
                300);
    }
}
