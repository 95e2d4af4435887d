package io.merx.risk.transaction;

/**
 * The training snapshot and the orders seen since, answering as one memory. Online orders count only when they
 * are newer than the snapshot's newest order: events replayed from before training are already in the snapshot
 * (when the training data and the events describe the same shop), so they are not counted twice.
 */
final class LiveOrderMemory implements OrderMemory {

    private final OrderHistory snapshot;
    private final OnlineOrders online;
    private final long after;

    LiveOrderMemory(OrderHistory snapshot, OnlineOrders online) {
        this.snapshot = snapshot;
        this.online = online;
        this.after = snapshot.latest() == Long.MIN_VALUE ? Long.MIN_VALUE : snapshot.latest() + 1;
    }

    @Override
    public int count(int type, String value, long t, long window) {
        if (value == null) {
            return 0;
        }
        return snapshot.count(type, value, t, window)
                + online.count(OrderHistory.key(type, value), Math.max(t - window, after), t);
    }

    @Override
    public int accountOrdersBefore(String account, long t) {
        return snapshot.accountOrdersBefore(account, t)
                + online.count(OrderHistory.accountKey(account), after, t);
    }

    @Override
    public boolean identifiedOrdersBefore(String account, long t) {
        return snapshot.identifiedOrdersBefore(account, t)
                || online.count(OrderHistory.identifiedKey(account), after, t) > 0;
    }

    @Override
    public boolean firstUseBy(String account, int type, String value, long t) {
        if (!snapshot.firstUseBy(account, type, value, t)) {
            return false;
        }
        Long first = value == null ? null : online.firstUse(account, type, value);
        return first == null || first < after || first >= t;
    }
}
