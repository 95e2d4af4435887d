package io.merx.recommendation.internal;

import java.util.Arrays;

/**
 * One user's recent interactions and purchases, each list oldest first by event time, with each entry's time
 * (epoch milliseconds) and event id. Immutable: the store replaces a user's activity with a new one, so scorers
 * read it without a lock.
 */
record UserActivity(Entries interactions, Entries purchases) {

    static final UserActivity EMPTY = new UserActivity(Entries.EMPTY, Entries.EMPTY);

    String[] items() {
        return interactions.items;
    }

    long[] itemTimes() {
        return interactions.times;
    }

    String[] purchaseItems() {
        return purchases.items;
    }

    long[] purchaseTimes() {
        return purchases.times;
    }

    /** True when an event with this id is already kept (a replayed event). */
    boolean has(String eventId) {
        return interactions.has(eventId) || purchases.has(eventId);
    }

    /** This activity plus one event, each list trimmed to its newest {@code max} entries by time. */
    UserActivity with(String eventId, String item, long time, boolean interaction, boolean purchase, int maxItems,
            int maxPurchases) {
        return new UserActivity(interaction ? interactions.with(eventId, item, time, maxItems) : interactions,
                purchase ? purchases.with(eventId, item, time, maxPurchases) : purchases);
    }

    /** Items with their times and event ids, oldest first. */
    record Entries(String[] items, long[] times, String[] ids) {

        static final Entries EMPTY = new Entries(new String[0], new long[0], new String[0]);

        boolean has(String id) {
            for (String kept : ids) {
                if (kept.equals(id)) {
                    return true;
                }
            }
            return false;
        }

        /** Inserted in time order (events arrive late or replayed); the oldest goes when more than {@code max}. */
        Entries with(String id, String item, long time, int max) {
            if (max == 0) {
                return this;
            }
            int at = times.length;
            while (at > 0 && times[at - 1] > time) {
                at--;
            }
            int drop = times.length + 1 > max ? times.length + 1 - max : 0;
            if (at < drop) {
                return this; // older than everything kept in a full list
            }
            int n = times.length + 1 - drop;
            String[] newItems = new String[n];
            long[] newTimes = new long[n];
            String[] newIds = new String[n];
            int j = 0;
            for (int i = drop; i <= times.length; i++) {
                if (i == at) {
                    newItems[j] = item;
                    newTimes[j] = time;
                    newIds[j++] = id;
                }
                if (i < times.length) {
                    newItems[j] = items[i];
                    newTimes[j] = times[i];
                    newIds[j++] = ids[i];
                }
            }
            return new Entries(newItems, newTimes, newIds);
        }

        @Override
        public String toString() {
            return Arrays.toString(items);
        }
    }
}
