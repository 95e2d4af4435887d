package io.merx.recommendation.internal;

import java.util.Arrays;

import io.merx.recommendation.internal.OnlinePopularity.Trending;

/**
 * The trending counts of {@link RecentActivity} resolved to one model's item indices (items the model does not
 * know are left out), sorted by index for lookups. Built once per published trending list per scorer, then read
 * by every request; the request's time decays the counts with one factor.
 */
record OnlineBoost(Trending source, int[] items, float[] counts) {

    static final OnlineBoost NONE = new OnlineBoost(Trending.NONE, new int[0], new float[0]);

    static OnlineBoost resolve(ModelData model, Trending trending) {
        long[] keyed = new long[trending.items().length];
        int n = 0;
        for (int i = 0; i < keyed.length; i++) {
            Integer item = model.itemIndex.get(trending.items()[i]);
            if (item != null) {
                keyed[n++] = ((long) item << 32) | i;
            }
        }
        Arrays.sort(keyed, 0, n);
        int[] items = new int[n];
        float[] counts = new float[n];
        for (int j = 0; j < n; j++) {
            items[j] = (int) (keyed[j] >>> 32);
            counts[j] = trending.counts()[(int) keyed[j]];
        }
        return new OnlineBoost(trending, items, counts);
    }

    boolean isEmpty() {
        return items.length == 0;
    }

    /** The popularity every request at one time sees: trained distinct users plus decayed online counts. */
    Popularity at(ModelData model, float factor) {
        float max = model.maxPopularity;
        for (int i = 0; i < items.length; i++) {
            max = Math.max(max, model.popularity[items[i]] + factor * counts[i]);
        }
        return new Popularity(model, this, factor, max);
    }

    /** Popularity scores relative to the most popular item, online counts included. */
    record Popularity(ModelData model, OnlineBoost boost, float factor, float max) {

        /** The trained popularity alone. */
        static Popularity trained(ModelData model) {
            return new Popularity(model, NONE, 0, model.maxPopularity);
        }

        float of(int item) {
            int i = Arrays.binarySearch(boost.items, item);
            float online = i < 0 ? 0 : factor * boost.counts[i];
            return (model.popularity[item] + online) / max;
        }

        boolean online() {
            return !boost.isEmpty();
        }
    }
}
