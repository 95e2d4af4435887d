package io.merx.events.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.api.events.Event;
import io.merx.api.events.EventListener;

/**
 * Hands stored batches to the {@link EventListener}s without letting them slow ingestion: each listener has its
 * own thread and a bounded queue of batches, {@link #deliver} only enqueues, a full queue drops the batch for
 * that listener (counted and logged), and an exception thrown by a listener is logged and forgotten.
 */
final class ListenerDelivery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerDelivery.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final int queueBatches;
    private final Map<EventListener, Mailbox> mailboxes = new ConcurrentHashMap<>();

    ListenerDelivery(int queueBatches) {
        if (queueBatches < 1) {
            throw new IllegalArgumentException("listenerQueueBatches must be at least 1, got " + queueBatches);
        }
        this.queueBatches = queueBatches;
    }

    void add(EventListener listener) {
        add(listener, null);
    }

    /** Adds a listener whose thread first runs {@code first} (a replay of stored events), then the live batches. */
    void add(EventListener listener, Runnable first) {
        Mailbox mailbox = new Mailbox(listener, queueBatches);
        if (first != null) {
            mailbox.executor.execute(() -> {
                try {
                    first.run();
                } catch (RuntimeException | LinkageError e) {
                    LOG.warn("Replaying stored events to listener {} failed", listener, e);
                }
            });
        }
        mailboxes.put(listener, mailbox);
    }

    /** Stops delivering to the listener; a batch it is handling is interrupted, queued ones are dropped. */
    void remove(EventListener listener) {
        Mailbox mailbox = mailboxes.remove(listener);
        if (mailbox != null) {
            mailbox.executor.shutdownNow();
        }
    }

    /** Enqueues a stored batch for every listener; never blocks. */
    void deliver(List<Event> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<Event> events = List.copyOf(batch);
        for (Mailbox mailbox : mailboxes.values()) {
            mailbox.offer(events);
        }
    }

    /** Batches dropped so far because a listener's queue was full. */
    long dropped() {
        return mailboxes.values().stream().mapToLong(m -> m.dropped.get()).sum();
    }

    /** Lets queued batches finish for a moment, then stops the threads. */
    @Override
    public void close() {
        for (EventListener listener : List.copyOf(mailboxes.keySet())) {
            Mailbox mailbox = mailboxes.remove(listener);
            if (mailbox != null) {
                mailbox.executor.shutdown();
                try {
                    mailbox.executor.awaitTermination(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                mailbox.executor.shutdownNow();
            }
        }
    }

    /** One listener's thread and queue. */
    private static final class Mailbox {

        final EventListener listener;
        final ThreadPoolExecutor executor;
        final AtomicLong dropped = new AtomicLong();

        Mailbox(EventListener listener, int capacity) {
            this.listener = listener;
            this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity),
                    runnable -> {
                        Thread thread = new Thread(runnable, "merx-event-listener-" + THREADS.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    }, (runnable, pool) -> {
                        // Only when the queue is full or the listener is going away: never wait for a slow listener.
                        long n = dropped.incrementAndGet();
                        if (!pool.isShutdown() && Long.bitCount(n) == 1) {
                            LOG.warn("Event listener {} is behind: {} batches dropped so far", listener, n);
                        }
                    });
        }

        void offer(List<Event> events) {
            executor.execute(() -> {
                try {
                    listener.accepted(events);
                } catch (RuntimeException | LinkageError e) {
                    LOG.warn("Event listener {} failed on a batch of {} events", listener, events.size(), e);
                }
            });
        }
    }
}
