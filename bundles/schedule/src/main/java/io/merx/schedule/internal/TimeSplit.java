package io.merx.schedule.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Splits the events by time: the newest {@code holdoutFraction} of them are held out, the older ones train the
 * candidate. The split time is never earlier than {@code notBefore}, the time up to which the live version is
 * known to have trained, so the live version is not judged on events it learned from. A user's held-out items are
 * those they did not have in training, as the recommendation kinds' own evaluation does.
 *
 * @param train the events before {@code cutoff}, oldest first
 * @param heldOut the events at or after {@code cutoff}
 * @param cutoff the split time
 * @param relevant per evaluable user (held-out items and at least one training item): the held-out items that
 *        were not among their training items, by user id
 * @param seen per evaluable user, their training items
 */
record TimeSplit(List<Interaction> train, List<Interaction> heldOut, Instant cutoff, Map<String, Set<String>> relevant,
        Map<String, Set<String>> seen) {

    /**
     * Splits events (in any order).
     *
     * @param notBefore the earliest allowed split time, or null when unknown
     */
    static TimeSplit of(List<Interaction> events, double holdoutFraction, Instant notBefore) {
        if (events.isEmpty()) {
            return new TimeSplit(List.of(), List.of(), notBefore, Map.of(), Map.of());
        }
        List<Interaction> sorted = new ArrayList<>(events);
        sorted.sort((a, b) -> Long.compare(a.time(), b.time()));
        int cut = Math.min(sorted.size() - 1, (int) Math.floor(sorted.size() * (1 - holdoutFraction)));
        long cutoff = sorted.get(cut).time();
        if (notBefore != null) {
            cutoff = Math.max(cutoff, notBefore.toEpochMilli());
        }
        List<Interaction> train = new ArrayList<>();
        List<Interaction> heldOut = new ArrayList<>();
        for (Interaction e : sorted) {
            (e.time() < cutoff ? train : heldOut).add(e);
        }
        Map<String, Set<String>> seen = new HashMap<>();
        for (Interaction e : train) {
            seen.computeIfAbsent(e.user(), u -> new HashSet<>()).add(e.item());
        }
        // Sorted by user, so a sample of evaluated users does not depend on hash order.
        Map<String, Set<String>> relevant = new TreeMap<>();
        for (Interaction e : heldOut) {
            Set<String> had = seen.get(e.user());
            if (had != null && !had.contains(e.item())) {
                relevant.computeIfAbsent(e.user(), u -> new HashSet<>()).add(e.item());
            }
        }
        Map<String, Set<String>> evaluableSeen = new HashMap<>();
        relevant.keySet().forEach(user -> evaluableSeen.put(user, seen.get(user)));
        return new TimeSplit(train, heldOut, Instant.ofEpochMilli(cutoff), relevant, evaluableSeen);
    }
}
