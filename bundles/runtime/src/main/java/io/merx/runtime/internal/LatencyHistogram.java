package io.merx.runtime.internal;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Lock-free latency histogram with logarithmic buckets, four per doubling from 1 µs to about 1.5 hours:
 * percentiles are accurate to within 19 %, which is what an operator comparing versions needs.
 */
final class LatencyHistogram {

    private static final int PER_DOUBLING = 4;
    private static final int BUCKETS = 32 * PER_DOUBLING;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    void record(long nanos) {
        counts.incrementAndGet(bucket(nanos / 1000.0));
    }

    static int bucket(double micros) {
        if (micros <= 1) {
            return 0;
        }
        int bucket = (int) Math.ceil(Math.log(micros) / Math.log(2) * PER_DOUBLING);
        return Math.min(bucket, BUCKETS - 1);
    }

    /** Upper bound of the bucket holding the given quantile, in milliseconds; 0 without samples. */
    double percentileMillis(double quantile) {
        long total = 0;
        long[] snapshot = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            snapshot[i] = counts.get(i);
            total += snapshot[i];
        }
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += snapshot[i];
            if (seen >= rank) {
                return Math.pow(2, (double) i / PER_DOUBLING) / 1000.0;
            }
        }
        return Math.pow(2, (double) (BUCKETS - 1) / PER_DOUBLING) / 1000.0;
    }
}
