package io.merx.benchmarks.rest;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

/**
 * Drives one endpoint from a fixed number of connections for a while, each connection a thread with one request in
 * flight, and records every latency in microseconds.
 * <p>
 * Closed loop (rate 0): a connection sends its next request as soon as the previous one answered, so the rate is
 * whatever the server sustains, and a stall of the server also stops the sender (which is why closed-loop figures
 * hide stalls). Open loop: request {@code i} is due at {@code start + i / rate} whatever the server does; a free
 * connection takes the next due request, and its latency counts from when it was due, not from when it was sent, so
 * a stall shows as the whole queue it builds up (coordinated omission corrected, as wrk2 does). The time from the
 * actual send is recorded beside it, to show what the correction adds.
 */
final class LoadRun {

    /** What one run measured; latencies in microseconds. */
    record Outcome(double offeredPerSecond, long requests, long errors, String firstError, long nanos,
            Histogram latency, Histogram fromSend) {

        double achievedPerSecond() {
            return requests * 1e9 / nanos;
        }
    }

    private final HttpClient client;
    private final HttpRequest request;
    private final int connections;

    LoadRun(HttpClient client, HttpRequest request, int connections) {
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1, got " + connections);
        }
        this.client = client;
        this.request = request;
        this.connections = connections;
    }

    /** Sends back to back on every connection for the given time. */
    Outcome closedLoop(long seconds) throws InterruptedException {
        return run(0, seconds);
    }

    /** Offers {@code perSecond} requests a second, evenly spaced, for the given time. */
    Outcome openLoop(double perSecond, long seconds) throws InterruptedException {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive, got " + perSecond);
        }
        return run(perSecond, seconds);
    }

    private Outcome run(double perSecond, long seconds) throws InterruptedException {
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20); // every thread started by then
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong next = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Connection> senders = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Connection sender = new Connection(perSecond, start, end, next, errors, firstError);
            sender.setName("load-" + c);
            senders.add(sender);
            sender.start();
        }
        Histogram latency = new Histogram(3);
        Histogram fromSend = new Histogram(3);
        long last = start;
        for (Connection sender : senders) {
            sender.join();
            latency.add(sender.latency);
            fromSend.add(sender.fromSend);
            last = Math.max(last, sender.finished);
        }
        return new Outcome(perSecond, latency.getTotalCount(), errors.get(), firstError.get(), last - start, latency,
                fromSend);
    }

    /** One connection's sender: takes the next due request, sends it, waits for the answer. */
    private final class Connection extends Thread {

        final Histogram latency = new Histogram(3);
        final Histogram fromSend = new Histogram(3);
        private final double perSecond;
        private final long start;
        private final long end;
        private final AtomicLong next;
        private final AtomicLong errors;
        private final AtomicReference<String> firstError;
        long finished;

        Connection(double perSecond, long start, long end, AtomicLong next, AtomicLong errors,
                AtomicReference<String> firstError) {
            this.perSecond = perSecond;
            this.start = start;
            this.end = end;
            this.next = next;
            this.errors = errors;
            this.firstError = firstError;
            setDaemon(true);
        }

        @Override
        public void run() {
            waitUntil(start);
            while (true) {
                long due;
                if (perSecond > 0) {
                    due = start + (long) (next.getAndIncrement() * 1e9 / perSecond);
                    if (due >= end) {
                        break;
                    }
                    waitUntil(due);
                } else {
                    due = System.nanoTime();
                    if (due >= end) {
                        break;
                    }
                }
                long sent = System.nanoTime();
                send();
                long answered = System.nanoTime();
                latency.recordValue(Math.max(0, (answered - due) / 1000));
                fromSend.recordValue((answered - sent) / 1000);
                finished = answered;
            }
        }

        private void send() {
            try {
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 != 2) {
                    failed("HTTP " + response.statusCode());
                }
            } catch (IOException e) {
                failed(e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed(e.toString());
            }
        }

        private void failed(String what) {
            errors.incrementAndGet();
            firstError.compareAndSet(null, String.format("%s, %.2f s into the phase", what,
                    (System.nanoTime() - start) / 1e9));
        }

        /** Parks until the given time; parking is accurate to tens of microseconds, far below what is measured. */
        private static void waitUntil(long nanoTime) {
            for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
        }
    }
}
