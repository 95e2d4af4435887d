package io.merx.risk.transaction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When each card, device, address, e-mail and account ordered: the memory behind the velocity features and
 * "first time this account uses this device". Built once from orders; immutable afterwards, so a scorer reads it
 * from many threads. A query at time t sees only orders strictly before t, so a training order's features never
 * count the order itself or later ones, exactly as at scoring time.
 */
final class OrderHistory implements OrderMemory {

    /** The velocity windows, in seconds: one hour, one day, one week. */
    static final long[] WINDOWS = {3_600, 86_400, 7 * 86_400};
    static final List<String> WINDOW_NAMES = List.of("1h", "24h", "7d");

    private final Map<String, long[]> times;
    private final Map<String, Long> firstUse;
    private final long latest;

    private OrderHistory(Map<String, long[]> times, Map<String, Long> firstUse, long latest) {
        this.times = times;
        this.firstUse = firstUse;
        this.latest = latest;
    }

    /** The history of these orders (any order). */
    static OrderHistory of(List<Order> orders) {
        Map<String, List<Long>> lists = new HashMap<>();
        Map<String, Long> firstUse = new HashMap<>();
        long latest = Long.MIN_VALUE;
        for (Order order : orders) {
            latest = Math.max(latest, order.time());
            lists.computeIfAbsent(accountKey(order.account()), k -> new ArrayList<>()).add(order.time());
            for (int type = 0; type < Order.IDENTIFIER_TYPES.size(); type++) {
                String value = order.identifier(type);
                if (value != null) {
                    lists.computeIfAbsent(key(type, value), k -> new ArrayList<>()).add(order.time());
                    firstUse.merge(pairKey(order.account(), type, value), order.time(), Math::min);
                }
            }
        }
        Map<String, long[]> times = new HashMap<>();
        lists.forEach((k, list) -> {
            long[] sorted = list.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            times.put(k, sorted);
        });
        return new OrderHistory(times, firstUse, latest);
    }

    @Override
    public int count(int type, String value, long t, long window) {
        return value == null ? 0 : count(times.get(key(type, value)), t - window, t);
    }

    @Override
    public int accountOrdersBefore(String account, long t) {
        return count(times.get(accountKey(account)), Long.MIN_VALUE, t);
    }

    @Override
    public boolean identifiedOrdersBefore(String account, long t) {
        return accountOrdersBefore(account, t) > 0;
    }

    @Override
    public boolean firstUseBy(String account, int type, String value, long t) {
        if (value == null) {
            return false;
        }
        Long first = firstUse.get(pairKey(account, type, value));
        return first == null || first >= t;
    }

    /** Time of the newest order, or {@code Long.MIN_VALUE} for no orders: where the online memory takes over. */
    long latest() {
        return latest;
    }

    static int count(long[] sorted, long from, long to) {
        if (sorted == null) {
            return 0;
        }
        return lowerBound(sorted, to) - lowerBound(sorted, from);
    }

    /** The first index whose time is >= t. */
    static int lowerBound(long[] sorted, long t) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static String key(int type, String value) {
        return type + "\u0000" + value;
    }

    static String accountKey(String account) {
        return "a\u0000" + account;
    }

    /** The key of an account's orders whose identifiers are known (scored orders, online). */
    static String identifiedKey(String account) {
        return "s\u0000" + account;
    }

    static String pairKey(String account, int type, String value) {
        return account + "\u0000" + type + "\u0000" + value;
    }
}
