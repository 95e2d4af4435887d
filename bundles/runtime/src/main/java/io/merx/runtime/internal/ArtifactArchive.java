package io.merx.runtime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Zip archives of model versions. Unpacking treats the archive as hostile: it must be a complete zip (its central
 * directory intact), entries may not leave the target directory (zip slip) nor carry code ({@link ArtifactContent}),
 * and the sizes the central directory declares are checked against the limits before anything is written, then
 * held to while streaming, so a zip bomb stops at the limit instead of filling the disk.
 */
final class ArtifactArchive {

    private static final int MAX_ENTRIES = 10_000;

    private ArtifactArchive() {
    }

    /**
     * Unpacks an archive into an empty directory, reserving its expanded size in the lease first.
     *
     * @throws IOException naming the offending entry or size, never the archive's file name on the server
     */
    static void unpack(Path archive, Path target, long maxBytes, ImportBudget.Lease lease) throws IOException {
        if (!Files.isRegularFile(archive)) {
            throw new IOException("the archive is not a file");
        }
        long size = Files.size(archive);
        if (size > maxBytes) {
            throw new IOException("the archive is " + size + " bytes, more than the import limit of " + maxBytes
                    + " bytes");
        }
        try (ZipFile zip = open(archive)) {
            List<? extends ZipEntry> entries = Collections.list(zip.entries());
            if (entries.isEmpty()) {
                throw new IOException("the archive is empty");
            }
            lease.reserve(declaredSize(entries, target, maxBytes));
            for (ZipEntry entry : entries) {
                Path file = safeResolve(target, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                    continue;
                }
                Files.createDirectories(file.getParent());
                try (InputStream in = zip.getInputStream(entry);
                        OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                    copyDeclared(in, out, entry);
                } catch (FileAlreadyExistsException e) {
                    throw new IOException("the archive holds '" + entry.getName() + "' twice");
                }
            }
        } catch (ZipException e) {
            throw new IOException("the archive is damaged: " + e.getMessage());
        }
        if (!Files.isRegularFile(target.resolve(ArtifactManifest.FILE_NAME))) {
            throw new IOException("the archive has no " + ArtifactManifest.FILE_NAME + " at its top level");
        }
    }

    /** Opens through the central directory, which a cut or appended-to archive does not have intact. */
    private static ZipFile open(Path archive) throws IOException {
        try {
            return new ZipFile(archive.toFile());
        } catch (ZipException e) {
            throw new IOException("the archive is not a zip file or is incomplete (its central directory is"
                    + " missing or cut)");
        }
    }

    /** Checks every name and adds up the declared sizes, refusing before a byte is written. */
    private static long declaredSize(List<? extends ZipEntry> entries, Path target, long maxBytes)
            throws IOException {
        if (entries.size() > MAX_ENTRIES) {
            throw new IOException("the archive has more than " + MAX_ENTRIES + " entries");
        }
        long total = 0;
        for (ZipEntry entry : entries) {
            safeResolve(target, entry.getName());
            ArtifactContent.checkName(entry.getName());
            if (entry.isDirectory()) {
                continue;
            }
            if (entry.getSize() < 0) {
                throw new IOException("the archive does not declare the size of '" + entry.getName() + "'");
            }
            total += entry.getSize();
            if (total > maxBytes) {
                throw new IOException("the archive declares that it expands to more than the import limit of "
                        + maxBytes + " bytes (at entry " + entry.getName() + ")");
            }
        }
        return total;
    }

    /** Copies an entry, refusing code and stopping as soon as it grows past its declared size. */
    private static void copyDeclared(InputStream in, OutputStream out, ZipEntry entry) throws IOException {
        byte[] buffer = new byte[8192];
        long copied = 0;
        for (int n = in.readNBytes(buffer, 0, buffer.length); n > 0; n = in.readNBytes(buffer, 0, buffer.length)) {
            if (copied == 0) {
                ArtifactContent.checkStart(entry.getName(), buffer, n);
            }
            copied += n;
            if (copied > entry.getSize()) {
                throw new IOException("entry " + entry.getName() + " expands to more than the " + entry.getSize()
                        + " bytes the archive declares for it");
            }
            out.write(buffer, 0, n);
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
