package io.merx.events.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.api.events.Impression;

/**
 * Writes served responses to the log on a thread of its own, so scoring never waits for the disk (or for an
 * event batch's fsync holding the log). A full queue drops the write, never the request: the impression is still
 * counted and attributable, it is only missing from the log after a restart; drops are counted and logged.
 */
final class ImpressionWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ImpressionWriter.class);
    private static final int BATCH = 1000;

    private final SegmentedLog log;
    private final BlockingQueue<Impression> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    ImpressionWriter(SegmentedLog log, int capacity) {
        this.log = log;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::run, "merx-events-impressions");
        thread.setDaemon(true);
        thread.start();
    }

    void offer(Impression impression) {
        if (!queue.offer(impression)) {
            long n = dropped.incrementAndGet();
            if (n == 1 || n % 10_000 == 0) {
                LOG.warn("The event log falls behind served responses: {} impressions not written so far (they are"
                        + " counted until the next restart)", n);
            }
        }
    }

    long dropped() {
        return dropped.get();
    }

    /** Writes what is queued now; for tests and shutdown. */
    void drain() throws IOException {
        List<Impression> batch = new ArrayList<>();
        while (queue.drainTo(batch, BATCH) > 0) {
            write(batch);
            batch.clear();
        }
    }

    private void run() {
        List<Impression> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                Impression first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                LOG.error("Could not write {} impressions to the event log", batch.size(), e);
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Impression> batch) throws IOException {
        List<byte[]> records = new ArrayList<>(batch.size());
        for (Impression impression : batch) {
            records.add(LogRecords.impression(impression));
        }
        log.append(records, false);
    }

    @Override
    public void close() throws IOException {
        running = false;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drain();
    }
}
