package io.merx.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The last hour of HTTP scoring traffic, per minute: requests and a latency histogram per model version, failed
 * requests per model (a request can fail before any version answers). Each series is a ring of 60 minutes, so
 * memory stays fixed however long Merx runs; quantiles are read off the histogram as Prometheus'
 * {@code histogram_quantile} does (linear inside the bucket), so they are as exact as its bounds.
 */
final class TrafficSeries {

    static final int MINUTES = 60;
    static final long MINUTE_MILLIS = 60_000;
    /** Beyond this many series, ones silent for an hour are dropped and new ones are not tracked. */
    static final int MAX_SERIES = 5_000;
    /** The version key of a model's failures. */
    private static final String FAILURES = "";

    /** One minute of traffic; null quantiles when no request was answered in it. */
    record Point(long epochSecond, long requests, long errors, Double p50Millis, Double p99Millis) {
    }

    private record Key(String model, String version) {
    }

    private final double[] boundsSeconds;
    private final LongSupplier clockMillis;
    private final Map<Key, Ring> rings = new ConcurrentHashMap<>();

    TrafficSeries(double[] boundsSeconds, LongSupplier clockMillis) {
        this.boundsSeconds = boundsSeconds.clone();
        this.clockMillis = clockMillis;
    }

    void answered(String model, String version, long nanos) {
        Ring ring = ring(new Key(model, version));
        if (ring != null) {
            ring.add(minute(), bucket(nanos / 1e9));
        }
    }

    void failed(String model) {
        Ring ring = ring(new Key(model, FAILURES));
        if (ring != null) {
            ring.add(minute(), -1);
        }
    }

    /** The last {@link #MINUTES} minutes of a version, oldest first, the current minute last. */
    List<Point> series(String model, String version) {
        long now = minute();
        Ring served = rings.get(new Key(model, version));
        Ring failures = rings.get(new Key(model, FAILURES));
        List<Point> points = new ArrayList<>(MINUTES);
        for (long m = now - MINUTES + 1; m <= now; m++) {
            long[] histogram = served == null ? null : served.histogram(m);
            long requests = 0;
            if (histogram != null) {
                for (long count : histogram) {
                    requests += count;
                }
            }
            long errors = failures == null ? 0 : failures.errors(m);
            points.add(new Point(m * MINUTE_MILLIS / 1000, requests, errors,
                    requests == 0 ? null : quantile(histogram, requests, 0.5) * 1000,
                    requests == 0 ? null : quantile(histogram, requests, 0.99) * 1000));
        }
        return points;
    }

    private long minute() {
        return Math.floorDiv(clockMillis.getAsLong(), MINUTE_MILLIS);
    }

    private Ring ring(Key key) {
        Ring ring = rings.get(key);
        if (ring != null) {
            return ring;
        }
        if (rings.size() >= MAX_SERIES) {
            long stale = minute() - MINUTES;
            rings.values().removeIf(r -> r.lastMinute() <= stale);
            if (rings.size() >= MAX_SERIES) {
                return null;
            }
        }
        return rings.computeIfAbsent(key, k -> new Ring(boundsSeconds.length + 1));
    }

    private int bucket(double seconds) {
        for (int i = 0; i < boundsSeconds.length; i++) {
            if (seconds <= boundsSeconds[i]) {
                return i;
            }
        }
        return boundsSeconds.length;
    }

    /** The q-quantile in seconds; in the open last bucket, its lower bound (the most that can be said). */
    private double quantile(long[] histogram, long total, double q) {
        double rank = q * total;
        long seen = 0;
        for (int i = 0; i < histogram.length; i++) {
            if (histogram[i] > 0 && seen + histogram[i] >= rank) {
                if (i == boundsSeconds.length) {
                    return boundsSeconds[i - 1];
                }
                double lower = i == 0 ? 0 : boundsSeconds[i - 1];
                return lower + (boundsSeconds[i] - lower) * (rank - seen) / histogram[i];
            }
            seen += histogram[i];
        }
        return boundsSeconds[boundsSeconds.length - 1];
    }

    /** Sixty minute slots, each reused when its minute comes round again. */
    private static final class Ring {

        private final long[] minuteOf = new long[MINUTES];
        private final long[][] histograms;
        private final long[] errors = new long[MINUTES];
        private long last = Long.MIN_VALUE;

        Ring(int buckets) {
            histograms = new long[MINUTES][buckets];
            java.util.Arrays.fill(minuteOf, Long.MIN_VALUE);
        }

        /** Counts an answer in a latency bucket, or a failure when the bucket is negative. */
        synchronized void add(long minute, int bucket) {
            int slot = (int) Math.floorMod(minute, (long) MINUTES);
            if (minuteOf[slot] != minute) {
                minuteOf[slot] = minute;
                java.util.Arrays.fill(histograms[slot], 0);
                errors[slot] = 0;
            }
            if (bucket < 0) {
                errors[slot]++;
            } else {
                histograms[slot][bucket]++;
            }
            last = Math.max(last, minute);
        }

        synchronized long[] histogram(long minute) {
            int slot = (int) Math.floorMod(minute, (long) MINUTES);
            return minuteOf[slot] == minute ? histograms[slot].clone() : null;
        }

        synchronized long errors(long minute) {
            int slot = (int) Math.floorMod(minute, (long) MINUTES);
            return minuteOf[slot] == minute ? errors[slot] : 0;
        }

        synchronized long lastMinute() {
            return last;
        }
    }
}
