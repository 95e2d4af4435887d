package io.merx.schedule.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TimeSplitTest {

    private static final long T0 = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();

    private static Interaction at(String user, String item, int minute) {
        return new Interaction(user, item, T0 + minute * 60_000L);
    }

    @Test
    void newestFractionIsHeldOutAndTrainingItemsAreNotRelevant() {
        List<Interaction> events = new ArrayList<>(List.of(at("u1", "a", 0), at("u1", "b", 1), at("u2", "a", 2),
                at("u2", "c", 3), at("u3", "d", 4), at("u1", "c", 5), at("u1", "a", 6), at("u2", "d", 7),
                at("u4", "a", 8), at("u3", "e", 9)));
        java.util.Collections.reverse(events); // input order must not matter
        TimeSplit split = TimeSplit.of(events, 0.4, null);
        assertEquals(Instant.ofEpochMilli(T0 + 6 * 60_000L), split.cutoff());
        assertEquals(6, split.train().size());
        assertEquals(4, split.heldOut().size());
        // u1 had "a" in training: only new items count; u4 has no training items; u3's "e" is new.
        assertEquals(Map.of("u2", Set.of("d"), "u3", Set.of("e")), split.relevant());
        assertEquals(Set.of("a", "c"), split.seen().get("u2"));
    }

    @Test
    void neverSplitsBeforeWhatLiveTrainedOn() {
        List<Interaction> events = List.of(at("u1", "a", 0), at("u1", "b", 1), at("u1", "c", 2), at("u1", "d", 3),
                at("u1", "e", 4));
        TimeSplit split = TimeSplit.of(events, 0.4, Instant.ofEpochMilli(T0 + 4 * 60_000L));
        assertEquals(4, split.train().size());
        assertEquals(List.of(at("u1", "e", 4)), split.heldOut());
    }

    @Test
    void noEventsGiveAnEmptySplit() {
        TimeSplit split = TimeSplit.of(List.of(), 0.2, null);
        assertEquals(0, split.train().size() + split.heldOut().size());
    }
}
