package io.merx.graph.internal;

import java.nio.charset.StandardCharsets;

/**
 * A stable bucket in [0, 100) per id, stored on each order at ingestion. Training holds back the orders whose
 * bucket is below a threshold; because the bucket depends only on the id, the split is the same in every run,
 * on every machine, and for data ingested at different times.
 */
final class Buckets {

    private Buckets() {
    }

    static int of(String id) {
        int hash = 0x811c9dc5;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        // FNV-1a spreads low bits poorly for short ids; a final avalanche fixes that.
        hash ^= hash >>> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >>> 13;
        return Math.floorMod(hash, 100);
    }

    /** True when the bucket falls in the held-back fraction. */
    static boolean heldOut(int bucket, double fraction) {
        return bucket < Math.round(fraction * 100);
    }
}
