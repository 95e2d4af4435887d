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
final class OrderHistory {

    /** The velocity windows, in seconds: one hour, one day, one week. */
    static final long[] WINDOWS = {3_600, 86_400, 7 * 86_400};
    static final List<String> WINDOW_NAMES = List.of("1h", "24h", "7d");

    private final Map<String, long[]> times;
    private final Map<String, Long> firstUse;

    private OrderHistory(Map<String, long[]> times, Map<String, Long> firstUse) {
        this.times = times;
        this.firstUse = firstUse;
    }

    /** The history of these orders (any order). */
    static OrderHistory of(List<Order> orders) {
        Map<String, List<Long>> lists = new HashMap<>();
        Map<String, Long> firstUse = new HashMap<>();
        for (Order order : orders) {
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
        return new OrderHistory(times, firstUse);
    }

    /** Orders with this identifier in {@code [t - window, t)}. */
    int count(int type, String value, long t, long window) {
        return value == null ? 0 : count(times.get(key(type, value)), t - window, t);
    }

    /** Orders of the account before t. */
    int accountOrdersBefore(String account, long t) {
        return count(times.get(accountKey(account)), Long.MIN_VALUE, t);
    }

    /** Whether the account had not used this identifier before t (true for a new account too). */
    boolean firstUseBy(String account, int type, String value, long t) {
        if (value == null) {
            return false;
        }
        Long first = firstUse.get(pairKey(account, type, value));
        return first == null || first >= t;
    }

    private static int count(long[] sorted, long from, long to) {
        if (sorted == null) {
            return 0;
        }
        return lowerBound(sorted, to) - lowerBound(sorted, from);
    }

    /** The first index whose time is >= t. */
    private static int lowerBound(long[] sorted, long t) {
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

    private static String key(int type, String value) {
        return type + "\u0000" + value;
    }

    private static String accountKey(String account) {
        return "a\u0000" + account;
    }

    private static String pairKey(String account, int type, String value) {
        return account + "\u0000" + type + "\u0000" + value;
    }
}
