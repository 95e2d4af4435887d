package io.merx.events.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

import io.merx.api.events.EventType;
import io.merx.api.events.Proportion;
import io.merx.api.events.VersionMetrics;

/**
 * Impressions and attributed events per model, version and route, counted without a lock so the scoring path
 * only adds one. Custom events are stored but not counted.
 */
final class OnlineCounters {

    record Key(String model, String version, String route) {
    }

    private static final class Counts {
        final LongAdder impressions = new LongAdder();
        final LongAdder views = new LongAdder();
        final LongAdder clicks = new LongAdder();
        final LongAdder addToCarts = new LongAdder();
        final LongAdder conversions = new LongAdder();
        final DoubleAdder revenue = new DoubleAdder();
    }

    private final ConcurrentHashMap<Key, Counts> counts = new ConcurrentHashMap<>();

    void impression(Key key) {
        counts(key).impressions.increment();
    }

    void event(Key key, EventType type, double value) {
        switch (type) {
            case VIEW -> counts(key).views.increment();
            case CLICK -> counts(key).clicks.increment();
            case ADD_TO_CART -> counts(key).addToCarts.increment();
            case PURCHASE -> {
                Counts c = counts(key);
                c.conversions.increment();
                c.revenue.add(value);
            }
            case CUSTOM -> {
                // stored and exported, not a business metric
            }
        }
    }

    /** The figures of one model (or every model, for null), ordered by model, version number and route. */
    List<VersionMetrics> metrics(String model) {
        List<VersionMetrics> result = new ArrayList<>();
        counts.forEach((key, c) -> {
            if (model == null || model.equals(key.model())) {
                long impressions = c.impressions.sum();
                long clicks = c.clicks.sum();
                long conversions = c.conversions.sum();
                result.add(new VersionMetrics(key.model(), key.version(), key.route(), impressions, c.views.sum(),
                        clicks, c.addToCarts.sum(), conversions, c.revenue.sum(),
                        Proportion.wilson(clicks, impressions), Proportion.wilson(conversions, impressions)));
            }
        });
        result.sort(Comparator.comparing(VersionMetrics::model)
                .thenComparing(m -> m.version(), OnlineCounters::compareVersions)
                .thenComparing(VersionMetrics::route));
        return result;
    }

    private Counts counts(Key key) {
        return counts.computeIfAbsent(key, k -> new Counts());
    }

    private static int compareVersions(String a, String b) {
        if (a.matches("\\d{1,9}") && b.matches("\\d{1,9}")) {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        }
        return a.compareTo(b);
    }
}
