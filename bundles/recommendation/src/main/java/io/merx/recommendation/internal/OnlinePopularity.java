package io.merx.recommendation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Exponentially decayed interaction counts per item (trending), kept by the single writer of
 * {@link RecentActivity}. Forward decay: an event at time t adds {@code exp((t - landmark) / tau)}, so the order of
 * items never needs recomputing as time passes; the count now is that weight times
 * {@code exp(-(now - landmark) / tau)}. The items are bounded to a multiple of the published top list.
 */
final class OnlinePopularity {

    /** Rescale the weights before exp() of the landmark distance could overflow. */
    private static final double MAX_EXPONENT = 40;
    private static final int TRACKED_PER_PUBLISHED = 10;

    private final double tauMillis;
    private final int published;
    private final Map<String, double[]> weights = new HashMap<>();
    private long landmark = Long.MIN_VALUE;

    OnlinePopularity(long halfLifeMillis, int published) {
        this.tauMillis = halfLifeMillis / Math.log(2);
        this.published = published;
    }

    void add(String item, long time) {
        if (published == 0) {
            return;
        }
        if (landmark == Long.MIN_VALUE) {
            landmark = time;
        }
        if ((time - landmark) / tauMillis > MAX_EXPONENT) {
            double scale = Math.exp(-(time - landmark) / tauMillis);
            weights.values().forEach(w -> w[0] *= scale);
            landmark = time;
        }
        weights.computeIfAbsent(item, i -> new double[1])[0] += Math.exp((time - landmark) / tauMillis);
        if (weights.size() > TRACKED_PER_PUBLISHED * published) {
            forgetSmallest();
        }
    }

    /** The top items by count as of {@code now}, best first. */
    Trending top(long now) {
        PriorityQueue<Map.Entry<String, double[]>> heap = new PriorityQueue<>(
                (a, b) -> Double.compare(a.getValue()[0], b.getValue()[0]));
        for (Map.Entry<String, double[]> entry : weights.entrySet()) {
            heap.offer(entry);
            if (heap.size() > published) {
                heap.poll();
            }
        }
        int n = heap.size();
        String[] items = new String[n];
        float[] counts = new float[n];
        double factor = landmark == Long.MIN_VALUE ? 0 : Math.exp(-(now - landmark) / tauMillis);
        for (int i = n - 1; i >= 0; i--) {
            Map.Entry<String, double[]> entry = heap.poll();
            items[i] = entry.getKey();
            counts[i] = (float) (entry.getValue()[0] * factor);
        }
        return new Trending(items, counts, now, tauMillis);
    }

    /** Drops the lower half of the tracked items: amortised, so adding stays cheap. */
    private void forgetSmallest() {
        List<Map.Entry<String, double[]>> entries = new ArrayList<>(weights.entrySet());
        entries.sort((a, b) -> Double.compare(a.getValue()[0], b.getValue()[0]));
        for (Map.Entry<String, double[]> entry : entries.subList(0, entries.size() / 2)) {
            weights.remove(entry.getKey());
        }
    }

    /**
     * Published counts: items best first and their decayed counts at {@code at}; readers decay them further to
     * the time they read ({@link #factor}). Immutable.
     */
    record Trending(String[] items, float[] counts, long at, double tauMillis) {

        static final Trending NONE = new Trending(new String[0], new float[0], 0, 1);

        /** What the published counts are worth at {@code now}. */
        float factor(long now) {
            return now <= at ? 1f : (float) Math.exp(-(now - at) / tauMillis);
        }
    }
}
