package io.merx.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void percentilesAreWithinABucketOfTheTruth() {
        LatencyHistogram histogram = new LatencyHistogram();
        assertEquals(0, histogram.percentileMillis(0.5));
        for (int i = 1; i <= 1000; i++) {
            histogram.record(i * 10_000L); // 0.01 ms .. 10 ms
        }
        assertEquals(5.0, histogram.percentileMillis(0.5), 5.0 * 0.19);
        assertEquals(9.9, histogram.percentileMillis(0.99), 9.9 * 0.19);
    }
}
