package io.merx.events.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentedLogTest {

    @TempDir
    Path dir;

    private static List<byte[]> records(int from, int to) {
        List<byte[]> result = new ArrayList<>();
        for (int i = from; i < to; i++) {
            result.add(("record-" + i + "-" + "x".repeat(100)).getBytes(StandardCharsets.UTF_8));
        }
        return result;
    }

    private List<String> reopen(long segmentBytes, long maxTotalBytes) throws IOException {
        List<String> seen = new ArrayList<>();
        try (SegmentedLog log = SegmentedLog.open(dir, segmentBytes, maxTotalBytes,
                p -> seen.add(new String(p, StandardCharsets.UTF_8).split("-x")[0]))) {
            return seen;
        }
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
        }
    }

    @Test
    void recordsComeBackInOrderAfterReopen() throws IOException {
        try (SegmentedLog log = SegmentedLog.open(dir, 1 << 20, 1 << 24, p -> { })) {
            log.append(records(0, 3), true);
            log.append(records(3, 5), false);
        }
        assertEquals(List.of("record-0", "record-1", "record-2", "record-3", "record-4"), reopen(1 << 20, 1 << 24));
    }

    @Test
    void tornTailIsTruncatedAndEveryWholeRecordKept() throws IOException {
        try (SegmentedLog log = SegmentedLog.open(dir, 1 << 20, 1 << 24, p -> { })) {
            log.append(records(0, 10), true);
        }
        Path segment = segments().get(0);
        long whole = Files.size(segment);
        // a kill -9 in the middle of the next record: its header and half its payload reached the disk
        try (var out = Files.newOutputStream(segment, StandardOpenOption.APPEND)) {
            out.write(new byte[] {0, 0, 0, 112, 1, 2, 3, 4});
            out.write("record-10-xxxxx".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(10, reopen(1 << 20, 1 << 24).size());
        assertEquals(whole, Files.size(segment), "the torn bytes are gone");

        // appends after recovery go after the last whole record and are read back
        try (SegmentedLog log = SegmentedLog.open(dir, 1 << 20, 1 << 24, p -> { })) {
            log.append(records(10, 11), true);
        }
        List<String> all = reopen(1 << 20, 1 << 24);
        assertEquals(11, all.size());
        assertEquals("record-10", all.get(10));
    }

    @Test
    void aCorruptedLastRecordIsDroppedAndTheOthersKept() throws IOException {
        try (SegmentedLog log = SegmentedLog.open(dir, 1 << 20, 1 << 24, p -> { })) {
            log.append(records(0, 5), true);
        }
        Path segment = segments().get(0);
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length - 3] ^= 0x55; // a flipped byte in the last record's payload: its CRC no longer matches
        Files.write(segment, bytes);
        assertEquals(List.of("record-0", "record-1", "record-2", "record-3"), reopen(1 << 20, 1 << 24));
    }

    @Test
    void garbageAfterTheLastRecordIsTruncated() throws IOException {
        try (SegmentedLog log = SegmentedLog.open(dir, 1 << 20, 1 << 24, p -> { })) {
            log.append(records(0, 3), true);
        }
        Path segment = segments().get(0);
        long whole = Files.size(segment);
        Files.write(segment, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 9, 9, 9, 9, 9, 9},
                StandardOpenOption.APPEND);
        assertEquals(3, reopen(1 << 20, 1 << 24).size());
        assertEquals(whole, Files.size(segment));
    }

    @Test
    void segmentsRollAtTheirSizeAndTheOldestAreDeletedBeyondTheTotal() throws IOException {
        // each record is 8 + 111..113 bytes: 4096-byte segments hold about 33
        long segmentBytes = 4096;
        try (SegmentedLog log = SegmentedLog.open(dir, segmentBytes, 4 * segmentBytes, p -> { })) {
            for (int i = 0; i < 200; i += 10) {
                log.append(records(i, i + 10), false);
            }
            assertTrue(log.retainedBytes() <= 4 * segmentBytes, "retained " + log.retainedBytes());
        }
        List<Path> segments = segments();
        assertEquals(4, segments.size(), "only as many segments as the total size allows");
        for (Path segment : segments) {
            assertTrue(Files.size(segment) <= segmentBytes, segment + " is " + Files.size(segment) + " bytes");
        }
        List<String> kept = reopen(segmentBytes, 4 * segmentBytes);
        assertEquals("record-199", kept.get(kept.size() - 1), "the newest records are kept");
        assertTrue(kept.size() < 200 && kept.size() > 90, "oldest segments went: " + kept.size() + " kept");
        int first = Integer.parseInt(kept.get(0).substring("record-".length()));
        for (int i = 0; i < kept.size(); i++) {
            assertEquals("record-" + (first + i), kept.get(i), "no gap inside the retained records");
        }
    }
}
