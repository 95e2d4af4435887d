package io.merx.graph.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Neo4j community in a child JVM ({@code io.merx.graph.server.GraphServer}), bound to 127.0.0.1. A separate
 * JVM keeps Neo4j's Netty 4.1 away from the driver's Netty 4.2 and its heap away from Karaf's. The child stops
 * when its standard input closes, and watches this JVM's pid from its first moment, so it also goes away
 * within a second when this JVM dies, even while it is still starting; a shutdown hook covers normal exits that
 * skip {@link #close()}.
 */
final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4j.class);
    static final String MAIN_CLASS = "io.merx.graph.server.GraphServer";
    private static final String READY = "MERX-GRAPH-READY ";

    private final Process process;
    private final String uri;
    private final Thread shutdownHook;

    private EmbeddedNeo4j(Process process, String uri) {
        this.process = process;
        this.uri = uri;
        this.shutdownHook = new Thread(this::stop, "merx-graph-embedded-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts the server and waits until Bolt accepts connections.
     *
     * @param classPath the launcher and Neo4j jars (directories or jars, {@code dir/*} wildcards allowed)
     * @param home store directory
     * @param passwordFile file holding the password of user neo4j
     * @param port the Bolt port, 0 for a free one
     * @throws IOException when the JVM cannot start, or the server exits or times out before it is ready
     */
    static EmbeddedNeo4j start(String classPath, Path home, Path passwordFile, int port, int heapMb,
            int pageCacheMb, int timeoutSeconds) throws IOException {
        Files.createDirectories(home);
        int boltPort = port > 0 ? port : freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMb + "m", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
                "-cp", classPath, MAIN_CLASS,
                "--home", home.toString(), "--password-file", passwordFile.toString(),
                "--host", "127.0.0.1", "--port", Integer.toString(boltPort),
                "--page-cache-mb", Integer.toString(pageCacheMb),
                "--parent-pid", Long.toString(ProcessHandle.current().pid())));
        Path log = home.resolve("graph-server.log");
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> readOutput(process, ready), "merx-graph-embedded-out");
        reader.setDaemon(true);
        reader.start();
        process.onExit().thenRun(() -> ready.completeExceptionally(new IOException(
                "Neo4j child JVM exited with code " + process.exitValue() + " before it was ready; see " + log)));
        try {
            String uri = ready.get(timeoutSeconds, TimeUnit.SECONDS);
            LOG.info("Embedded Neo4j ready at {} (pid {}, store {})", uri, process.pid(), home);
            return new EmbeddedNeo4j(process, uri);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("Neo4j child JVM not ready after " + timeoutSeconds + " s; see " + log, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while Neo4j was starting", e);
        }
    }

    private static void readOutput(Process process, CompletableFuture<String> ready) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(READY)) {
                    ready.complete(line.substring(READY.length()).trim());
                } else {
                    LOG.debug("neo4j: {}", line);
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The class path of a Karaf distribution: every jar in {@code neo4j/lib}. */
    static String classPathOf(Path libDirectory) throws IOException {
        if (!Files.isDirectory(libDirectory)) {
            throw new IOException("no Neo4j launcher in " + libDirectory
                    + "; set 'uri' in etc/io.merx.graph.cfg to use an external Neo4j");
        }
        return libDirectory.resolve("*").toString();
    }

    String uri() {
        return uri;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Asks the child to stop (closes its input), waits up to 10 s, then kills it. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook runs stop() again, which is harmless
        }
    }

    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                LOG.warn("Embedded Neo4j (pid {}) did not stop within 10 s; killing it", process.pid());
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
