package io.merx.itests.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Merx distribution under test: the karaf-assembly tar.gz the build resolved (system property
 * {@code merx.distribution}, set in itests/pom.xml), else the one in the local Maven repository, where Pax Exam's
 * tests find it too.
 */
public final class Distribution {

    private final Path archive;

    private Distribution(Path archive) {
        this.archive = archive;
    }

    /** The distribution this build made; fails when there is none (build karaf-assembly first). */
    public static Distribution current() {
        String resolved = System.getProperty("merx.distribution", "");
        Path archive;
        if (!resolved.isBlank() && !resolved.startsWith("$")) {
            archive = Path.of(resolved);
        } else {
            String version = System.getProperty("merx.version");
            String repository = System.getProperty("maven.repo.local", System.getProperty("user.home")
                    + "/.m2/repository");
            archive = Path.of(repository, "io", "merx", "merx-karaf-assembly", version,
                    "merx-karaf-assembly-" + version + ".tar.gz");
        }
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("no Merx distribution at " + archive + ": build karaf-assembly first");
        }
        return new Distribution(archive);
    }

    /**
     * The parts of a distribution no node writes to, Karaf's {@code system/} repository and Neo4j's jars: each node
     * links to one shared copy rather than holding its own (three nodes would otherwise take 370 MB more disk each).
     */
    private static final List<String> READ_ONLY = List.of("system", "neo4j");

    /** Where the shared copy lives: beside the nodes, in the itests module's build folder. */
    private static final Path SHARED_ROOT = Path.of("target", "distribution").toAbsolutePath();

    /** Where this test JVM unpacked each archive once, for the nodes to copy and link from. */
    private static final Map<Path, Path> UNPACKED = new ConcurrentHashMap<>();

    /**
     * Makes {@code home} a fresh node of this distribution (anything there before is removed: every node starts from
     * the distribution as shipped). Its own copy of what a node writes to ({@code etc/}, {@code data/},
     * {@code deploy/}, ...), links to the {@linkplain #READ_ONLY read-only} parts of one shared unpacked copy.
     */
    public void unpackInto(Path home) throws IOException, InterruptedException {
        Path absolute = home.toAbsolutePath();
        delete(absolute);
        Path shared = unpackedOnce(SHARED_ROOT);
        Files.createDirectories(absolute);
        try (Stream<Path> top = Files.list(shared)) {
            for (Path part : (Iterable<Path>) top::iterator) {
                Path target = absolute.resolve(part.getFileName().toString());
                if (READ_ONLY.contains(part.getFileName().toString())) {
                    Files.createSymbolicLink(target, part);
                } else {
                    copyTree(part, target);
                }
            }
        }
    }

    /**
     * The archive unpacked under {@code root}, once per test JVM (a fresh build's archive replaces what an earlier
     * run left). {@code tar} keeps bin/'s execute bits, which a Java unpacker would have to restore.
     */
    private Path unpackedOnce(Path root) throws IOException {
        try {
            return UNPACKED.computeIfAbsent(archive, ignored -> {
                try {
                    return unpack(root);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException("cannot unpack " + archive + " into " + root + ": " + e, e);
                }
            });
        } catch (IllegalStateException e) {
            throw new IOException(e.getMessage(), e.getCause());
        }
    }

    private Path unpack(Path root) throws IOException, InterruptedException {
        delete(root);
        Files.createDirectories(root);
        Process tar = new ProcessBuilder("tar", "xzf", archive.toAbsolutePath().toString(), "-C", root.toString())
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes());
        if (!tar.waitFor(5, TimeUnit.MINUTES) || tar.exitValue() != 0) {
            throw new IOException("tar failed to unpack " + archive + ": " + output);
        }
        // The archive holds one top-level folder (merx-karaf-assembly-<version>): the distribution's home.
        try (Stream<Path> top = Files.list(root)) {
            return top.filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new IOException(archive + " holds no top-level folder"));
        }
    }

    /** Copies files and folders with their permissions (bin/'s scripts stay executable). */
    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> all = Files.walk(source)) {
            for (Path path : (Iterable<Path>) all::iterator) {
                Files.copy(path, target.resolve(source.relativize(path).toString()),
                        StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    /** Removes a folder and everything under it; links are removed, never followed. */
    static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> all = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    @Override
    public String toString() {
        return archive.toString();
    }
}
