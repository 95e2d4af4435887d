package io.merx.runtime.internal;

import java.util.concurrent.ThreadLocalRandom;

import io.merx.api.runtime.CanarySplit;

/**
 * Decides which requests a canary takes. A request key always lands on the same side (a user sees one
 * version), keys spread evenly over 10,000 buckets; requests without a key are split at random.
 */
final class CanaryRouter {

    private static final int BUCKETS = 10_000;

    private CanaryRouter() {
    }

    static boolean toCanary(CanarySplit split, String key) {
        if (split == null) {
            return false;
        }
        int bucket = key == null ? ThreadLocalRandom.current().nextInt(BUCKETS) : bucket(key);
        return bucket < split.percent() * (BUCKETS / 100);
    }

    static int bucket(String key) {
        // String.hashCode is specified by the JLS, so assignments survive restarts; the mix spreads
        // similar keys (user-1, user-2) over all buckets.
        long h = key.hashCode() * 0x9E3779B97F4A7C15L;
        h ^= h >>> 32;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 29;
        return (int) Math.floorMod(h, (long) BUCKETS);
    }
}
