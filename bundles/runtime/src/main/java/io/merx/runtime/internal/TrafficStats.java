package io.merx.runtime.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.merx.api.runtime.VersionStats;

/** Request and error counters and latency per model version, since the runtime started. */
final class TrafficStats {

    private final Map<String, Counters> byVersion = new ConcurrentHashMap<>();

    private static final class Counters {
        final LongAdder requests = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LatencyHistogram latency = new LatencyHistogram();
    }

    void record(String model, String version, long nanos, boolean failed) {
        Counters c = byVersion.computeIfAbsent(model + "/" + version, k -> new Counters());
        c.requests.increment();
        if (failed) {
            c.errors.increment();
        }
        c.latency.record(nanos);
    }

    VersionStats get(String model, String version) {
        Counters c = byVersion.get(model + "/" + version);
        if (c == null) {
            return VersionStats.EMPTY;
        }
        return new VersionStats(c.requests.sum(), c.errors.sum(), c.latency.percentileMillis(0.5),
                c.latency.percentileMillis(0.99));
    }

    void forget(String model, String version) {
        byVersion.remove(model + "/" + version);
    }
}
