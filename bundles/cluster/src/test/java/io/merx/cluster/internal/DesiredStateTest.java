package io.merx.cluster.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.merx.api.runtime.CanarySplit;
import io.merx.runtime.cluster.ConcurrentChangeException;
import io.merx.runtime.cluster.DesiredModel;

/** Two nodes on one database: what one writes the other reads and hears of, and no write is ever lost. */
@ExtendWith(PostgresExtension.class)
class DesiredStateTest {

    private final PostgresServer server;
    private PostgresSharedState a;
    private PostgresSharedState b;

    DesiredStateTest(PostgresServer server) {
        this.server = server;
    }

    @BeforeEach
    void twoNodes() {
        String url = server.createDatabase("desired");
        a = TestNodes.node(server, url, "a");
        b = TestNodes.node(server, url, "b");
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    @Test
    void aWriteOnOneNodeIsReadOnTheOtherWithEveryField() {
        DesiredModel stored = a.write(new DesiredModel("churn", List.of("1", "2"), Map.of("live", "2", "stable", "1"),
                List.of("1"), new CanarySplit("1", 12.5), "1", 2, 0));

        assertEquals(1, stored.revision());
        DesiredModel seen = b.model("churn").orElseThrow();
        assertEquals(stored, seen);
        assertEquals(List.of(seen), b.models());
        assertTrue(b.model("other").isEmpty());

        DesiredModel next = b.write(new DesiredModel("churn", List.of("1", "2"), Map.of("live", "1"), List.of(), null,
                null, 2, seen.revision()));
        assertEquals(2, next.revision());
        DesiredModel again = a.model("churn").orElseThrow();
        assertNull(again.canary());
        assertNull(again.shadow());
        assertEquals(Map.of("live", "1"), again.aliases());
    }

    @Test
    void theSecondOfTwoWritesFromOneRevisionIsRefusedAndNothingIsLost() {
        DesiredModel read = a.write(model("churn", List.of("1"), 0));
        a.write(model("churn", List.of("1", "2"), read.revision()));

        ConcurrentChangeException conflict = assertThrows(ConcurrentChangeException.class,
                () -> b.write(model("churn", List.of("1", "3"), read.revision())));
        assertEquals("model 'churn' was changed meanwhile (now at revision 2, you read 1); read it again and retry",
                conflict.getMessage());
        assertEquals(List.of("1", "2"), b.model("churn").orElseThrow().versions(), "the first write stands");

        ConcurrentChangeException created = assertThrows(ConcurrentChangeException.class,
                () -> b.write(model("churn", List.of("9"), 0)));
        assertEquals("model 'churn' was created meanwhile (now at revision 2); read it again and retry",
                created.getMessage());
    }

    @Test
    void concurrentWritersFromOneRevisionGetExactlyOneSuccess() throws Exception {
        DesiredModel read = a.write(model("race", List.of(), 0));
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            PostgresSharedState node = i % 2 == 0 ? a : b;
            String version = String.valueOf(i + 1);
            results.add(pool.submit(() -> {
                start.await();
                try {
                    node.write(model("race", List.of(version), read.revision()));
                    return true;
                } catch (ConcurrentChangeException e) {
                    return false;
                }
            }));
        }
        start.countDown();
        int succeeded = 0;
        for (Future<Boolean> result : results) {
            succeeded += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, succeeded, "one writer wins, the others are told");
        assertEquals(2, a.model("race").orElseThrow().revision());
    }

    @Test
    void theLastVersionNumberNeverGoesDown() {
        DesiredModel read = a.write(new DesiredModel("m", List.of("5"), Map.of(), List.of(), null, null, 5, 0));
        DesiredModel stale = b.write(new DesiredModel("m", List.of(), Map.of(), List.of(), null, null, 3, 1));
        assertEquals(5, stale.lastVersion(), "a deleted number is never given again");
        assertEquals(5, a.model("m").orElseThrow().lastVersion());
        assertEquals(1, read.revision());
    }

    @Test
    void removeChecksTheRevision() {
        DesiredModel read = a.write(model("gone", List.of("1"), 0));
        b.write(model("gone", List.of("1", "2"), read.revision()));

        ConcurrentChangeException conflict = assertThrows(ConcurrentChangeException.class,
                () -> a.remove("gone", read.revision()));
        assertTrue(conflict.getMessage().contains("now at revision 2, you read 1"), conflict.getMessage());
        assertTrue(b.model("gone").isPresent());

        a.remove("gone", 2);
        assertFalse(b.model("gone").isPresent());
        ConcurrentChangeException removed = assertThrows(ConcurrentChangeException.class,
                () -> b.write(model("gone", List.of(), 2)));
        assertEquals("model 'gone' was removed meanwhile (you read revision 2); read it again and retry",
                removed.getMessage());
    }

    @Test
    void watchOnOneNodeHearsTheWritesOfTheOtherUntilClosed() throws Exception {
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        AutoCloseable watch = b.watch(heard::add);
        // LISTEN runs on the watch's own thread; a write before it listens would go unheard, as documented.
        Thread.sleep(1000);

        DesiredModel read = a.write(model("churn", List.of("1"), 0));
        assertEquals("churn", heard.poll(10, TimeUnit.SECONDS));
        a.write(model("churn", List.of("1", "2"), read.revision()));
        assertEquals("churn", heard.poll(10, TimeUnit.SECONDS));
        a.remove("churn", 2);
        assertEquals("churn", heard.poll(10, TimeUnit.SECONDS), "removal is heard too");

        watch.close();
        a.write(model("after", List.of(), 0));
        assertNull(heard.poll(1500, TimeUnit.MILLISECONDS), "a closed watch calls no more");
    }

    @Test
    void aRefusedWriteNotifiesNobody() throws Exception {
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        try (AutoCloseable watch = b.watch(heard::add)) {
            Thread.sleep(1000);
            a.write(model("once", List.of(), 0));
            assertEquals("once", heard.poll(10, TimeUnit.SECONDS));
            assertThrows(ConcurrentChangeException.class, () -> a.write(model("once", List.of(), 0)));
            assertNull(heard.poll(1500, TimeUnit.MILLISECONDS), "the NOTIFY was rolled back with the write");
        }
    }

    private static DesiredModel model(String name, List<String> versions, long revision) {
        return new DesiredModel(name, versions, versions.isEmpty() ? Map.of() : Map.of("live", versions.get(0)),
                List.of(), null, null, versions.size(), revision);
    }
}
