package io.merx.events.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only log of byte records in segment files {@code <20-digit number>.seg}, each starting with the
 * magic {@code MXEV} and a format byte, then records {@code [int length][int CRC-32C of payload][payload]}
 * (big-endian).
 *
 * <p>Invariants: a record is either whole and its CRC matches, or it is the torn tail of the newest segment,
 * which {@link #open} truncates away (a process killed mid-write leaves nothing else behind, since records are
 * only ever appended); a new segment starts when the next record would make the current one larger than the
 * segment size; at a roll the oldest segments are deleted until the others plus a full new segment fit in the
 * total size, so the files never hold more than that together; the newest segment is never deleted.
 */
final class SegmentedLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentedLog.class);
    static final byte[] MAGIC = {'M', 'X', 'E', 'V', 1};
    static final int RECORD_HEADER = 8;
    /** A length beyond this cannot be a record of ours: the bytes are garbage. */
    static final int MAX_RECORD_BYTES = 1 << 20;
    private static final String SUFFIX = ".seg";

    private final Path directory;
    private final long segmentBytes;
    private final long maxTotalBytes;
    private final List<Path> segments = new ArrayList<>();
    private FileChannel current;
    private long currentSize;
    private long retainedBytes;

    private SegmentedLog(Path directory, long segmentBytes, long maxTotalBytes) {
        this.directory = directory;
        this.segmentBytes = segmentBytes;
        this.maxTotalBytes = maxTotalBytes;
    }

    /**
     * Opens the log, handing every whole record to {@code visitor} oldest first, and truncates a torn tail of
     * the newest segment.
     */
    static SegmentedLog open(Path directory, long segmentBytes, long maxTotalBytes, Consumer<byte[]> visitor)
            throws IOException {
        Files.createDirectories(directory);
        SegmentedLog log = new SegmentedLog(directory, segmentBytes, maxTotalBytes);
        log.segments.addAll(list(directory));
        for (int i = 0; i < log.segments.size(); i++) {
            Path segment = log.segments.get(i);
            boolean newest = i == log.segments.size() - 1;
            long good = scan(segment, visitor);
            long size = Files.size(segment);
            if (good < size) {
                if (newest) {
                    LOG.warn("Event log segment {} ends in {} bytes of an incomplete record (the process was"
                            + " stopped while writing); truncating them", segment.getFileName(), size - good);
                    truncate(segment, good);
                } else {
                    LOG.warn("Event log segment {} is damaged after byte {} of {}; the records after that point"
                            + " are skipped", segment.getFileName(), good, size);
                }
            }
        }
        if (log.segments.isEmpty()) {
            log.segments.add(log.create(0));
        } else if (Files.size(log.last()) < MAGIC.length) {
            writeHeader(log.last());
        }
        for (Path segment : log.segments) {
            log.retainedBytes += Files.size(segment);
        }
        log.current = FileChannel.open(log.last(), StandardOpenOption.WRITE);
        log.currentSize = log.current.size();
        log.current.position(log.currentSize);
        return log;
    }

    /**
     * Appends the records in order, starting new segments as needed. They reach the operating system before this
     * returns, so they survive the process being killed; with {@code sync} they are also forced to the disk.
     */
    synchronized void append(List<byte[]> payloads, boolean sync) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(bufferSize(payloads));
        for (byte[] payload : payloads) {
            if (payload.length > MAX_RECORD_BYTES) {
                throw new IllegalArgumentException("a record of " + payload.length + " bytes exceeds "
                        + MAX_RECORD_BYTES);
            }
            long recordSize = RECORD_HEADER + payload.length;
            if (currentSize + buffer.position() + recordSize > segmentBytes
                    && currentSize + buffer.position() > MAGIC.length) {
                write(buffer);
                roll();
            }
            CRC32C crc = new CRC32C();
            crc.update(payload);
            buffer.putInt(payload.length).putInt((int) crc.getValue()).put(payload);
        }
        write(buffer);
        if (sync) {
            current.force(false);
        }
    }

    /** The segment files, oldest first, and the size of each now, for reading while appends go on. */
    synchronized List<Segment> snapshot() throws IOException {
        List<Segment> result = new ArrayList<>(segments.size());
        for (Path segment : segments) {
            result.add(new Segment(segment, segment.equals(last()) ? currentSize : Files.size(segment)));
        }
        return result;
    }

    /** A segment file and how many of its bytes to read. */
    record Segment(Path path, long size) {
    }

    /** Hands every whole record of a snapshot to {@code visitor}; a segment deleted meanwhile is skipped. */
    static void read(List<Segment> snapshot, Consumer<byte[]> visitor) throws IOException {
        for (Segment segment : snapshot) {
            try (FileChannel channel = FileChannel.open(segment.path(), StandardOpenOption.READ)) {
                scan(channel, segment.size(), visitor);
            } catch (NoSuchFileException e) {
                // deleted by retention after the snapshot: its records are no longer part of the log
            }
        }
    }

    synchronized int segmentCount() {
        return segments.size();
    }

    synchronized long retainedBytes() {
        return retainedBytes;
    }

    @Override
    public synchronized void close() throws IOException {
        if (current != null && current.isOpen()) {
            current.force(false);
            current.close();
        }
    }

    private int bufferSize(List<byte[]> payloads) {
        long size = 0;
        for (byte[] payload : payloads) {
            size += RECORD_HEADER + payload.length;
        }
        return (int) Math.min(size, Integer.MAX_VALUE - 16);
    }

    private void write(ByteBuffer buffer) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            currentSize += current.write(buffer);
        }
        retainedBytes += buffer.limit();
        buffer.clear();
    }

    private void roll() throws IOException {
        current.force(false);
        current.close();
        Path next = create(number(last()) + 1);
        segments.add(next);
        current = FileChannel.open(next, StandardOpenOption.WRITE);
        currentSize = current.size();
        current.position(currentSize);
        retainedBytes += currentSize;
        // room for the new segment to fill up, so the log never grows past its total size
        while (retainedBytes - currentSize + segmentBytes > maxTotalBytes && segments.size() > 1) {
            Path oldest = segments.remove(0);
            retainedBytes -= Files.size(oldest);
            Files.delete(oldest);
            LOG.info("Deleted event log segment {}: the log exceeded its total size of {} bytes",
                    oldest.getFileName(), maxTotalBytes);
        }
    }

    private Path create(long number) throws IOException {
        Path segment = directory.resolve(String.format("%020d%s", number, SUFFIX));
        writeHeader(segment);
        Durable.syncDirectory(directory);
        return segment;
    }

    private static void writeHeader(Path segment) throws IOException {
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(MAGIC));
            channel.force(true);
        }
    }

    private Path last() {
        return segments.get(segments.size() - 1);
    }

    private static long number(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
    }

    private static List<Path> list(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().matches("\\d{20}\\.seg")).sorted().toList();
        }
    }

    /** The offset after the last whole record of a segment file. */
    private static long scan(Path segment, Consumer<byte[]> visitor) throws IOException {
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
            return scan(channel, channel.size(), visitor);
        }
    }

    private static long scan(FileChannel channel, long size, Consumer<byte[]> visitor) throws IOException {
        ByteBuffer magic = ByteBuffer.allocate(MAGIC.length);
        if (size < MAGIC.length || !readFully(channel, magic, 0) || !java.util.Arrays.equals(magic.array(), MAGIC)) {
            return 0;
        }
        long position = MAGIC.length;
        ByteBuffer header = ByteBuffer.allocate(RECORD_HEADER);
        while (position + RECORD_HEADER <= size) {
            header.clear();
            if (!readFully(channel, header, position)) {
                break;
            }
            int length = header.getInt(0);
            int expected = header.getInt(4);
            if (length < 0 || length > MAX_RECORD_BYTES || position + RECORD_HEADER + length > size) {
                break;
            }
            ByteBuffer payload = ByteBuffer.allocate(length);
            if (!readFully(channel, payload, position + RECORD_HEADER)) {
                break;
            }
            CRC32C crc = new CRC32C();
            crc.update(payload.array());
            if ((int) crc.getValue() != expected) {
                break;
            }
            visitor.accept(payload.array());
            position += RECORD_HEADER + length;
        }
        return position;
    }

    private static boolean readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                return false;
            }
            at += n;
        }
        return true;
    }

    private static void truncate(Path segment, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(size);
            channel.force(true);
        }
    }
}
