package io.merx.runtime.shell.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Directories on the server that a shell command may read from or write to, and the one rule that keeps a path
 * typed by a user inside them. A path resolves (a relative one against each directory in turn) to a file whose real
 * location, symbolic links followed, lies inside one of the directories; {@code ..} is refused outright rather than
 * normalised. Karaf's own {@code deploy/}, {@code etc/}, {@code system/}, {@code lib/} and {@code bin/} stay out of
 * reach even when a directory is configured around them: a file there is code or configuration the container runs
 * (a jar written to {@code deploy/} starts as a bundle).
 *
 * <p>Messages name the path as the user typed it and the directories as configured, never file content.
 */
public final class FileArea {

    private static final List<String> KARAF_CODE = List.of("deploy", "etc", "system", "lib", "bin");

    private final String what;
    private final List<Path> roots;
    private final List<Path> forbidden;

    /**
     * @param what what the files are, with an article, for messages ("a data set", "an archive to import")
     * @param roots the allowed directories; relative paths given by users resolve against them in this order
     * @param forbidden directories never reachable, whatever the roots
     */
    FileArea(String what, List<Path> roots, List<Path> forbidden) {
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("a file area needs at least one directory");
        }
        this.what = what;
        this.roots = roots.stream().map(r -> r.toAbsolutePath().normalize()).toList();
        this.forbidden = forbidden.stream().map(f -> f.toAbsolutePath().normalize()).toList();
    }

    /** Karaf's directories that hold code or configuration, from its system properties. */
    static List<Path> karafCodeDirectories() {
        List<Path> dirs = new ArrayList<>();
        for (String property : List.of("karaf.base", "karaf.home")) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                KARAF_CODE.forEach(name -> dirs.add(Path.of(value, name)));
            }
        }
        String etc = System.getProperty("karaf.etc");
        if (etc != null && !etc.isBlank()) {
            dirs.add(Path.of(etc));
        }
        return dirs;
    }

    List<Path> roots() {
        return roots;
    }

    /** Creates the directories that do not exist yet, so users find where to put files. */
    void createDirectories() throws IOException {
        for (Path root : roots) {
            Files.createDirectories(root);
        }
    }

    /**
     * An existing regular file inside the area.
     *
     * @throws IllegalArgumentException when the path is outside the area, reaches Karaf's own directories, or names
     *         no file
     */
    public Path existingFile(String given) {
        for (Path candidate : candidates(given)) {
            if (Files.isRegularFile(candidate)) {
                Path real = realInside(candidate);
                if (real != null) {
                    return real;
                }
            }
        }
        throw refused(given, "must name an existing file inside");
    }

    /**
     * Where to write a new file inside the first directory of the area (or a subdirectory of it that exists).
     *
     * @param overwrite whether an existing regular file may be replaced
     * @throws IllegalArgumentException when the path is outside the area, or names an existing file and overwrite is
     *         false, or names something that is not a regular file
     */
    public Path newFile(String given, boolean overwrite) {
        Path candidate = candidates(given).get(0);
        Path parent = candidate.getParent();
        Path realParent = parent != null && Files.isDirectory(parent) ? realInside(parent) : null;
        if (realParent == null || candidate.getFileName() == null) {
            throw refused(given, "must name a file in an existing directory inside");
        }
        Path target = realParent.resolve(candidate.getFileName());
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException("'" + given + "' exists and is not a regular file; choose another"
                        + " name");
            }
            if (!overwrite) {
                throw new IllegalArgumentException("'" + given + "' already exists; add --force to replace it");
            }
        }
        return target;
    }

    /** The file's path relative to the directory that holds it, for messages that must not show server paths. */
    public String display(Path file) {
        for (Path root : roots) {
            if (file.startsWith(root)) {
                return root.relativize(file).toString();
            }
            try {
                Path realRoot = root.toRealPath();
                if (file.startsWith(realRoot)) {
                    return realRoot.relativize(file).toString();
                }
            } catch (IOException e) {
                // a directory that does not exist holds nothing
            }
        }
        return String.valueOf(file.getFileName());
    }

    /** The given path against each directory in turn (an absolute one as it is), '..' refused. */
    private List<Path> candidates(String given) {
        if (given == null || given.isBlank()) {
            throw new IllegalArgumentException("no file named; give " + what + " inside " + describe());
        }
        Path path;
        try {
            path = Path.of(given);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + given + "' is not a valid file name");
        }
        for (Path part : path) {
            if (part.toString().equals("..")) {
                throw refused(given, "may not contain '..'; give a file inside");
            }
        }
        if (path.isAbsolute()) {
            return List.of(path.normalize());
        }
        return roots.stream().map(root -> root.resolve(path).normalize()).toList();
    }

    /** The real path of an existing file or directory when it lies inside a root and outside Karaf's code. */
    private Path realInside(Path existing) {
        try {
            Path real = existing.toRealPath();
            for (Path dir : forbidden) {
                if (real.startsWith(realOrSelf(dir))) {
                    return null;
                }
            }
            for (Path root : roots) {
                if (Files.isDirectory(root) && real.startsWith(root.toRealPath())) {
                    return real;
                }
            }
        } catch (IOException e) {
            // unreadable or gone: refused by the caller
        }
        return null;
    }

    private static Path realOrSelf(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir;
        }
    }

    private IllegalArgumentException refused(String given, String rule) {
        return new IllegalArgumentException("'" + given + "' is refused: " + what + " " + rule + " " + describe());
    }

    /** The directories as a user should read them: relative to Karaf's base when they lie under it. */
    String describe() {
        String base = System.getProperty("karaf.base");
        Path karaf = base == null || base.isBlank() ? null : Path.of(base).toAbsolutePath().normalize();
        List<String> names = new ArrayList<>();
        for (Path root : roots) {
            names.add(karaf != null && root.startsWith(karaf) ? karaf.relativize(root).toString() : root.toString());
        }
        return (names.size() == 1 ? "the directory " : "the directories ") + String.join(", ", names)
                + " (pid " + ShellFiles.PID + ")";
    }
}
