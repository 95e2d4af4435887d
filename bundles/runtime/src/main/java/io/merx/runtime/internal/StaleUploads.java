package io.merx.runtime.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spooled uploads ({@code ${karaf.data}/merx/uploads}: archives and data sets sent over REST) that a killed
 * process left behind. Each request deletes its own files when it is done, so anything older than this JVM belongs
 * to no request and only fills the disk; files of this JVM may be requests in flight and are left alone.
 */
final class StaleUploads {

    private static final Logger LOG = LoggerFactory.getLogger(StaleUploads.class);

    private StaleUploads() {
    }

    /** Deletes the regular files in the directory last modified before the given instant; returns how many. */
    static int delete(Path uploads, Instant processStart) {
        if (!Files.isDirectory(uploads, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(uploads)) {
            for (Path file : files) {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(processStart)
                        && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not clean up stale uploads: {}", e.getMessage());
        }
        if (deleted > 0) {
            LOG.info("Deleted {} uploads left behind by an earlier process", deleted);
        }
        return deleted;
    }
}
