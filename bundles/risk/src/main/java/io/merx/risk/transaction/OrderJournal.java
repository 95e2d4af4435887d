package io.merx.risk.transaction;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The scored orders kept for velocity, on disk, so a restart finds the counts as they were (purchase events need no
 * journal: the event service replays them). One line per order, fields URL-encoded and tab-separated, appended and
 * flushed as each order is recorded; a line cut short by a crash is skipped on reading. Rewritten without expired
 * orders when it has grown to twice its size at the last rewrite.
 */
final class OrderJournal implements AutoCloseable {

    /** One journal line. */
    record Entry(String identity, Order order) {
    }

    private static final int FIELDS = 7;

    private final Path file;
    private BufferedWriter out;
    /** Bytes in the file, kept as lines are written so that appending needs no file-system call. */
    private long size;
    private long compactedSize;

    private OrderJournal(Path file) {
        this.file = file;
    }

    /** Opens the journal in this folder, creating both when missing, and reads what it holds. */
    static OrderJournal open(Path directory, List<Entry> into) throws IOException {
        Files.createDirectories(directory);
        OrderJournal journal = new OrderJournal(directory.resolve("scored-orders.tsv"));
        if (Files.exists(journal.file)) {
            for (String line : Files.readAllLines(journal.file, StandardCharsets.UTF_8)) {
                Entry entry = parse(line);
                if (entry != null) {
                    into.add(entry);
                }
            }
        }
        journal.out = Files.newBufferedWriter(journal.file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        journal.size = Files.size(journal.file);
        journal.compactedSize = journal.size;
        return journal;
    }

    synchronized void append(Entry entry) throws IOException {
        String line = format(entry);
        out.write(line);
        out.newLine();
        out.flush();
        size += line.length() + System.lineSeparator().length(); // URL-encoded: one byte per char
    }

    /** Whether the file has grown enough since the last rewrite to rewrite it. */
    synchronized boolean grown() {
        return size > 2 * compactedSize + (1 << 20);
    }

    /** Replaces the file by these entries (the ones still kept), atomically. */
    synchronized void rewrite(List<Entry> kept) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (Entry entry : kept) {
                w.write(format(entry));
                w.newLine();
            }
        }
        out.close();
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        size = Files.size(file);
        compactedSize = size;
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    private static String format(Entry e) {
        Order o = e.order();
        return String.join("\t", Long.toString(o.time()), encode(e.identity()), encode(o.account()),
                encode(o.card()), encode(o.device()), encode(o.address()), encode(o.email()));
    }

    private static Entry parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != FIELDS) {
            return null;
        }
        try {
            long time = Long.parseLong(f[0]);
            String identity = decode(f[1]);
            String account = decode(f[2]);
            if (identity == null || account == null) {
                return null;
            }
            Order order = new Order(identity, account, time, Long.MIN_VALUE, 0, 1, decode(f[3]), decode(f[4]),
                    decode(f[5]), null, decode(f[6]));
            return new Entry(identity, order);
        } catch (IllegalArgumentException e) {
            return null; // a torn or damaged line: that order is not counted
        }
    }

    private static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return value.isEmpty() ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
