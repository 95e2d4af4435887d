package io.merx.runtime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Zip archives of model versions. Unpacking treats the archive as hostile: entries may not leave the target
 * directory (zip slip), and neither the archive nor its expanded content may exceed the configured size.
 */
final class ArtifactArchive {

    private static final int MAX_ENTRIES = 10_000;

    private ArtifactArchive() {
    }

    /**
     * Unpacks an archive into an empty directory.
     *
     * @throws IOException naming the offending entry or size
     */
    static void unpack(Path archive, Path target, long maxBytes) throws IOException {
        if (!Files.isRegularFile(archive)) {
            throw new IOException("no archive file " + archive);
        }
        long size = Files.size(archive);
        if (size > maxBytes) {
            throw new IOException("archive " + archive.getFileName() + " is " + size
                    + " bytes, more than the import limit of " + maxBytes + " bytes");
        }
        long total = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw new IOException("archive has more than " + MAX_ENTRIES + " entries");
                }
                Path file = safeResolve(target, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                    continue;
                }
                Files.createDirectories(file.getParent());
                try (OutputStream out = Files.newOutputStream(file)) {
                    total += copyAtMost(zip, out, maxBytes - total, entry.getName(), maxBytes);
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException("archive " + archive.getFileName() + " is not a valid zip file: " + e.getMessage());
        }
        if (entries == 0) {
            throw new IOException("archive " + archive.getFileName() + " is empty or not a zip file");
        }
        if (!Files.isRegularFile(target.resolve(ArtifactManifest.FILE_NAME))) {
            throw new IOException("archive " + archive.getFileName() + " has no " + ArtifactManifest.FILE_NAME
                    + " at its top level");
        }
    }

    static Path safeResolve(Path target, String entryName) throws IOException {
        boolean traversal = List.of(entryName.split("/")).contains("..");
        if (entryName.isEmpty() || entryName.startsWith("/") || entryName.contains("\\") || entryName.contains(":")
                || traversal) {
            throw new IOException("unsafe path in archive: '" + entryName + "'");
        }
        Path file = target.resolve(entryName).normalize();
        if (!file.startsWith(target) || file.equals(target)) {
            throw new IOException("unsafe path in archive: '" + entryName + "'");
        }
        return file;
    }

    private static long copyAtMost(InputStream in, OutputStream out, long budget, String entry, long maxBytes)
            throws IOException {
        byte[] buffer = new byte[8192];
        long copied = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            copied += n;
            if (copied > budget) {
                throw new IOException("archive expands to more than the import limit of " + maxBytes
                        + " bytes (at entry " + entry + ")");
            }
            out.write(buffer, 0, n);
        }
        return copied;
    }

    /** Writes every file of a version directory into a new zip file, replacing the target atomically. */
    static void pack(Path versionDir, Path archive) throws IOException {
        Path target = archive.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(temp));
                    Stream<Path> files = Files.walk(versionDir)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                    zip.putNextEntry(new ZipEntry(AtomicFiles.relative(versionDir, file)));
                    Files.copy(file, zip);
                    zip.closeEntry();
                }
            }
            AtomicFiles.syncTree(temp);
            AtomicFiles.move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
