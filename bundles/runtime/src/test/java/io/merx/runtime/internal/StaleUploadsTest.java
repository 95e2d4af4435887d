package io.merx.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleUploadsTest {

    @TempDir
    Path dir;

    @Test
    void uploadsOfAnEarlierProcessGoAndThoseInFlightStay() throws Exception {
        Instant start = Instant.now();
        Path old = Files.writeString(dir.resolve("upload-1.zip"), "left by a killed process");
        Files.setLastModifiedTime(old, FileTime.from(start.minusSeconds(60)));
        Path current = Files.writeString(dir.resolve("upload-2.zip"), "a request in flight");
        Files.setLastModifiedTime(current, FileTime.from(start.plusSeconds(1)));

        assertEquals(1, StaleUploads.delete(dir, start));
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(current));
        assertEquals(0, StaleUploads.delete(dir.resolve("none"), start));
    }
}
