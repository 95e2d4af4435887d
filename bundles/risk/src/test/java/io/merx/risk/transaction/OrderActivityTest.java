package io.merx.risk.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.events.Event;
import io.merx.api.events.EventType;

/** The online order memory: what it counts, what it counts once, what it leaves to the snapshot, what it keeps. */
class OrderActivityTest {

    private static final long DAY = 86_400;
    /** The snapshot's newest order: 2025-05-01T00:00Z. */
    private static final long TRAINED = Instant.parse("2025-05-01T00:00:00Z").getEpochSecond();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final OrderHistory snapshot = OrderHistory.of(List.of(
            order("o1", "alice", TRAINED - DAY, "K1"), order("o2", "alice", TRAINED, "K1")));

    @Test
    void purchaseEventsCountOncePerBasketAndReplayAddsNothing() {
        OrderActivity activity = new OrderActivity(null, CLOCK);
        List<Event> basket = List.of(purchase("e1", "alice", TRAINED + 3_600, "p1"),
                purchase("e2", "alice", TRAINED + 3_600, "p2"), purchase("e3", "alice", TRAINED + 7_200, "p3"));
        activity.accepted(basket);
        activity.accepted(basket); // the event service replays after its own restart
        LiveOrderMemory memory = new LiveOrderMemory(snapshot, activity.orders());
        assertEquals(2 + 2, memory.accountOrdersBefore("alice", TRAINED + DAY));
        assertEquals(2 + 1, memory.accountOrdersBefore("alice", TRAINED + 7_200), "only orders before t");
        assertEquals(0, memory.accountOrdersBefore("bob", TRAINED + DAY));
        activity.accepted(List.of(purchase("e4", "carol", TRAINED + 3_600, "p1")));
        assertFalse(memory.identifiedOrdersBefore("carol", TRAINED + DAY),
                "a purchase event names no card: the account's next card is not 'new for the account'");
        activity.record("A-9", order("o9", "carol", TRAINED + 7_200, "K5"));
        assertTrue(memory.identifiedOrdersBefore("carol", TRAINED + DAY));
        assertTrue(memory.identifiedOrdersBefore("alice", TRAINED + 1), "from the snapshot");
    }

    @Test
    void eventsFromBeforeTrainingAreLeftToTheSnapshot() {
        OrderActivity activity = new OrderActivity(null, CLOCK);
        activity.accepted(List.of(purchase("e1", "alice", TRAINED - DAY, "p1"), purchase("e2", "alice", TRAINED, "p1")));
        LiveOrderMemory memory = new LiveOrderMemory(snapshot, activity.orders());
        assertEquals(2, memory.accountOrdersBefore("alice", TRAINED + DAY));
    }

    @Test
    void aScoredOrderCountsForLaterOrdersOnceAndNeverForItself() throws Exception {
        OrderActivity activity = new OrderActivity(dir, CLOCK);
        long t = TRAINED + 10 * DAY;
        assertTrue(activity.record("A-1", order("x", "mallory", t, "K9")));
        assertFalse(activity.record("A-1", order("x", "mallory", t, "K9")), "the same order id again");
        assertTrue(activity.record("A-2", order("y", "trent", t + 60, "K9")));
        LiveOrderMemory memory = new LiveOrderMemory(snapshot, activity.orders());
        assertEquals(0, memory.count(0, "K9", t, 3_600), "an order does not count in its own velocity");
        assertEquals(2, memory.count(0, "K9", t + 120, 3_600));
        assertEquals(0, memory.count(0, "K9", t + 2 * 3_600, 3_600), "outside the 1 h window");
        assertFalse(memory.firstUseBy("mallory", 0, "K9", t + 120));
        assertTrue(memory.firstUseBy("mallory", 0, "K9", t), "first use at its own time");
        assertTrue(memory.firstUseBy("walter", 0, "K9", t + 120));
        assertEquals(0, memory.accountOrdersBefore("mallory", t + 120), "accounts are counted from purchases");
        assertEquals(2, memory.count(0, "K1", TRAINED + 1, 7 * DAY), "the snapshot still answers");
    }

    @Test
    void aRestartFindsTheScoredOrdersAndSkipsATornLine() throws Exception {
        long t = TRAINED + 10 * DAY;
        OrderActivity before = new OrderActivity(dir, CLOCK);
        before.record("A-1", order("x", "mallory", t, "K9 with\ttab"));
        before.record("A-2", order("y", "trent", t + 60, "K9 with\ttab"));
        before.close();
        Files.writeString(dir.resolve("scored-orders.tsv"), "17500", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND); // a crash mid-line

        OrderActivity after = new OrderActivity(dir, CLOCK);
        LiveOrderMemory memory = new LiveOrderMemory(snapshot, after.orders());
        assertEquals(2, memory.count(0, "K9 with\ttab", t + 120, 3_600));
        assertFalse(after.record("A-2", order("y", "trent", t + 60, "K9 with\ttab")), "known after the restart");
        after.close();
    }

    @Test
    void ordersOlderThanTheRetentionAreNotKept() {
        OnlineOrders orders = new OnlineOrders(OrderActivity.RETENTION_SECONDS);
        long t = TRAINED + 100 * DAY;
        assertTrue(orders.addPurchase("p1", "alice", t));
        assertFalse(orders.addPurchase("p0", "alice", t - OrderActivity.RETENTION_SECONDS - 1));
        assertEquals(1, orders.size());
    }

    private static Order order(String id, String account, long time, String card) {
        return new Order(id, account, time, Long.MIN_VALUE, 10, 1, card, null, null, null, null);
    }

    private static Event purchase(String id, String user, long time, String item) {
        return new Event(id, EventType.PURCHASE, user, item, 5, Instant.ofEpochSecond(time), null, null);
    }
}
