package io.merx.itests.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
     * Unpacks a fresh copy into {@code home} (anything there before is removed: every node starts from the
     * distribution as shipped). {@code tar} keeps bin/'s execute bits, which a Java unpacker would have to restore.
     */
    public void unpackInto(Path home) throws IOException, InterruptedException {
        delete(home);
        Path parent = home.toAbsolutePath().getParent();
        Path staging = parent.resolve(home.getFileName() + ".unpacking");
        delete(staging);
        Files.createDirectories(staging);
        Process tar = new ProcessBuilder("tar", "xzf", archive.toAbsolutePath().toString(), "-C",
                staging.toString()).redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes());
        if (!tar.waitFor(5, TimeUnit.MINUTES) || tar.exitValue() != 0) {
            throw new IOException("tar failed to unpack " + archive + ": " + output);
        }
        // The archive holds one top-level folder (merx-karaf-assembly-<version>); the node's home is that folder.
        try (Stream<Path> top = Files.list(staging)) {
            Path root = top.filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new IOException(archive + " holds no top-level folder"));
            Files.move(root, home);
        }
        delete(staging);
    }

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
