package io.merx.events.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import io.merx.api.events.Impression;

/**
 * The score responses served within the attribution window, at most {@code capacity} of them, by request id
 * and, for those with a user and items, by user (the newest {@value #PER_USER} per user).
 *
 * <p>Invariant: a response is in both indexes or in neither; one leaves when it is older than the window (on the
 * server's clock at the time of the lookup) or when {@code capacity} newer ones arrived. A put is O(1) amortised,
 * so the scoring path pays a map insertion and nothing that grows with traffic.
 */
final class RecentResponses {

    static final int PER_USER = 32;

    private final Duration window;
    private final int capacity;
    private final LinkedHashMap<String, Impression> byRequest = new LinkedHashMap<>();
    private final Map<String, ArrayDeque<Impression>> byUser = new HashMap<>();

    RecentResponses(Duration window, int capacity) {
        this.window = window;
        this.capacity = capacity;
    }

    synchronized void put(Impression impression, Instant now) {
        evict(now);
        if (impression.servedAt().isBefore(now.minus(window))) {
            return;
        }
        byRequest.put(impression.requestId(), impression);
        if (impression.user() != null && !impression.items().isEmpty()) {
            ArrayDeque<Impression> recent = byUser.computeIfAbsent(impression.user(), u -> new ArrayDeque<>());
            recent.addLast(impression);
            if (recent.size() > PER_USER) {
                recent.removeFirst();
            }
        }
        while (byRequest.size() > capacity) {
            Iterator<Impression> eldest = byRequest.values().iterator();
            Impression gone = eldest.next();
            eldest.remove();
            forgetUser(gone);
        }
    }

    /** The response with this request id, if it is still within the window, else null. */
    synchronized Impression byRequestId(String requestId, Instant now) {
        evict(now);
        return byRequest.get(requestId);
    }

    /**
     * The newest response within the window that showed {@code item} to {@code user} (of {@code model}, unless
     * null), else null.
     */
    synchronized Impression byUserAndItem(String user, String item, String model, Instant now) {
        evict(now);
        ArrayDeque<Impression> recent = byUser.get(user);
        if (recent == null) {
            return null;
        }
        for (Iterator<Impression> it = recent.descendingIterator(); it.hasNext();) {
            Impression impression = it.next();
            if ((model == null || model.equals(impression.model())) && impression.items().contains(item)) {
                return impression;
            }
        }
        return null;
    }

    synchronized int size() {
        return byRequest.size();
    }

    private void evict(Instant now) {
        Instant oldest = now.minus(window);
        for (Iterator<Impression> it = byRequest.values().iterator(); it.hasNext();) {
            Impression impression = it.next();
            if (!impression.servedAt().isBefore(oldest)) {
                return; // insertion order is serving order: the rest are newer
            }
            it.remove();
            forgetUser(impression);
        }
    }

    private void forgetUser(Impression impression) {
        ArrayDeque<Impression> recent = impression.user() == null ? null : byUser.get(impression.user());
        if (recent == null) {
            return;
        }
        recent.remove(impression);
        if (recent.isEmpty()) {
            byUser.remove(impression.user());
        }
    }
}
