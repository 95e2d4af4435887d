package io.merx.risk.transaction;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The orders seen since the models were trained, for the velocity and first-use features: per account (from the
 * shop's purchase events) and per card, device, address and e-mail (from the orders scored with an
 * {@code order_id}). Each order is counted once, by its identity. Entries older than the retention, measured from
 * the newest order seen, are dropped.
 *
 * <p>One writer at a time ({@code synchronized}), lock-free readers: each key's times are an immutable sorted array
 * swapped in whole, so a scorer never waits for the event listener.
 */
final class OnlineOrders {

    /** Writes between two sweeps of expired keys. */
    private static final int SWEEP_EVERY = 10_000;

    private final long retentionSeconds;
    private final Map<String, long[]> times = new ConcurrentHashMap<>();
    private final Map<String, Long> firstUse = new ConcurrentHashMap<>();
    /** Writer-only: the identity of every order kept, with its time, so a repeat is recognised. */
    private final Map<String, Long> seen = new HashMap<>();
    private long newest = Long.MIN_VALUE;
    private int writes;

    OnlineOrders(long retentionSeconds) {
        if (retentionSeconds < OrderHistory.WINDOWS[OrderHistory.WINDOWS.length - 1]) {
            throw new IllegalArgumentException("retention must cover the longest velocity window, got "
                    + retentionSeconds + " s");
        }
        this.retentionSeconds = retentionSeconds;
    }

    /**
     * A purchase of the account at {@code time} (epoch seconds); the lines of one basket share the identity.
     *
     * @return false when this identity was counted before or is older than the retention
     */
    synchronized boolean addPurchase(String identity, String account, long time) {
        if (!admit(identity, time)) {
            return false;
        }
        append(OrderHistory.accountKey(account), time);
        afterWrite();
        return true;
    }

    /**
     * A scored order's identifiers at its time; the account's order count is left to the purchase events, so an
     * order reported both ways is not counted twice for the account.
     *
     * @return false when this identity was counted before or is older than the retention
     */
    synchronized boolean addOrder(String identity, Order order) {
        if (!admit(identity, order.time())) {
            return false;
        }
        append(OrderHistory.identifiedKey(order.account()), order.time());
        for (int type = 0; type < Order.IDENTIFIER_TYPES.size(); type++) {
            String value = order.identifier(type);
            if (value != null) {
                append(OrderHistory.key(type, value), order.time());
                firstUse.merge(OrderHistory.pairKey(order.account(), type, value), order.time(), Math::min);
            }
        }
        afterWrite();
        return true;
    }

    /** Whether an order with this identity is kept. */
    synchronized boolean contains(String identity) {
        return seen.containsKey(identity);
    }

    /** Orders of this key (an {@link OrderHistory} key) in {@code [from, to)}. */
    int count(String key, long from, long to) {
        return OrderHistory.count(times.get(key), from, to);
    }

    /** The first time the account used the identifier, or null when it did not, as far as kept. */
    Long firstUse(String account, int type, String value) {
        return firstUse.get(OrderHistory.pairKey(account, type, value));
    }

    /** Number of orders kept. */
    synchronized int size() {
        return seen.size();
    }

    /** The oldest time still kept, as of the newest order seen. */
    synchronized long horizon() {
        return newest == Long.MIN_VALUE ? Long.MIN_VALUE : newest - retentionSeconds;
    }

    private boolean admit(String identity, long time) {
        if (seen.containsKey(identity) || (newest != Long.MIN_VALUE && time < newest - retentionSeconds)) {
            return false;
        }
        seen.put(identity, time);
        newest = Math.max(newest, time);
        return true;
    }

    private void append(String key, long time) {
        long[] before = times.get(key);
        long horizon = newest - retentionSeconds;
        int kept = before == null ? 0 : before.length - OrderHistory.lowerBound(before, horizon);
        long[] after = new long[kept + 1];
        if (kept > 0) {
            System.arraycopy(before, before.length - kept, after, 0, kept);
        }
        after[kept] = time;
        if (kept > 0 && after[kept - 1] > time) {
            Arrays.sort(after); // orders may arrive out of time order
        }
        times.put(key, after);
    }

    private void afterWrite() {
        if (++writes % SWEEP_EVERY == 0) {
            sweep();
        }
    }

    /** Drops what is older than the retention, so memory follows the traffic of the retention period. */
    private void sweep() {
        long horizon = newest - retentionSeconds;
        seen.values().removeIf(t -> t < horizon);
        firstUse.values().removeIf(t -> t < horizon);
        for (Iterator<Map.Entry<String, long[]>> it = times.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, long[]> e = it.next();
            long[] sorted = e.getValue();
            int from = OrderHistory.lowerBound(sorted, horizon);
            if (from == sorted.length) {
                it.remove();
            } else if (from > 0) {
                e.setValue(Arrays.copyOfRange(sorted, from, sorted.length));
            }
        }
    }
}
