package io.merx.experiments.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Replaces a small file so that a crash at any point leaves the old content or the new, never half: written to a
 * temporary sibling, fsynced, renamed atomically over the target, and the directory fsynced so the rename lasts.
 * (The runtime's model store does the same in its internal AtomicFiles; a few lines do not justify exporting it.)
 */
final class AtomicJson {

    private AtomicJson() {
    }

    static void write(Path target, byte[] content) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("experiments need a file system with atomic rename: " + e.getMessage(), e);
            }
            try (FileChannel directory = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
                directory.force(true);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Deletes temporary files a killed process left behind in {@code directory}. */
    static void deleteLeftovers(Path directory) throws IOException {
        try (var files = Files.newDirectoryStream(directory, ".*.tmp")) {
            for (Path leftover : files) {
                Files.deleteIfExists(leftover);
            }
        }
    }
}
