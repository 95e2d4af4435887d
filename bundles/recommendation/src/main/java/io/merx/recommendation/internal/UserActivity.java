package io.merx.recommendation.internal;

import java.util.Arrays;

/**
 * One user's recent interactions and purchases, oldest first, each with its time (epoch milliseconds). Immutable:
 * the store replaces a user's activity with a new one, so scorers read it without a lock.
 */
record UserActivity(String[] items, long[] itemTimes, String[] purchases, long[] purchaseTimes) {

    static final UserActivity EMPTY = new UserActivity(new String[0], new long[0], new String[0], new long[0]);

    /** This activity plus one event, trimmed to the newest {@code max} entries of each list. */
    UserActivity with(String item, long time, boolean interaction, boolean purchase, int maxItems,
            int maxPurchases) {
        String[] newItems = items;
        long[] newItemTimes = itemTimes;
        if (interaction && maxItems > 0) {
            int keep = Math.min(items.length, maxItems - 1);
            newItems = append(items, keep, item);
            newItemTimes = append(itemTimes, keep, time);
        }
        String[] newPurchases = purchases;
        long[] newPurchaseTimes = purchaseTimes;
        if (purchase && maxPurchases > 0) {
            int keep = Math.min(purchases.length, maxPurchases - 1);
            newPurchases = append(purchases, keep, item);
            newPurchaseTimes = append(purchaseTimes, keep, time);
        }
        return new UserActivity(newItems, newItemTimes, newPurchases, newPurchaseTimes);
    }

    /** The newest time of any entry, or {@code Long.MIN_VALUE}. */
    long newest() {
        long newest = Long.MIN_VALUE;
        if (itemTimes.length > 0) {
            newest = itemTimes[itemTimes.length - 1];
        }
        if (purchaseTimes.length > 0) {
            newest = Math.max(newest, purchaseTimes[purchaseTimes.length - 1]);
        }
        return newest;
    }

    private static String[] append(String[] values, int keep, String value) {
        String[] out = Arrays.copyOfRange(values, values.length - keep, values.length + 1);
        out[keep] = value;
        return out;
    }

    private static long[] append(long[] values, int keep, long value) {
        long[] out = Arrays.copyOfRange(values, values.length - keep, values.length + 1);
        out[keep] = value;
        return out;
    }
}
