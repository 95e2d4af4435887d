package io.merx.risk.transaction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.merx.api.Dataset;

/** An order's training features depend only on what happened before it, as at scoring time. */
class PointInTimeTest {

    @Test
    void laterOrdersDoNotChangeAnEarlierOrdersFeatures() {
        List<TransactionColumns.Labelled> all = TransactionColumns.read(
                SimulatedShop.orders(FraudScenario.DEMO.scaled(300, 5)));
        List<TransactionColumns.Labelled> firstHalf = all.subList(0, all.size() / 2);
        double[][] full = TransactionTrainer.pointInTimeFeatures(all,
                OrderHistory.of(all.stream().map(TransactionColumns.Labelled::order).toList()), 50, 7 * 86_400L);
        double[][] half = TransactionTrainer.pointInTimeFeatures(firstHalf,
                OrderHistory.of(firstHalf.stream().map(TransactionColumns.Labelled::order).toList()), 50, 7 * 86_400L);
        for (int i = 0; i < half.length; i++) {
            assertArrayEquals(half[i], full[i], 1e-12, "order " + all.get(i).order().id());
        }
    }

    @Test
    void velocityCountsOnlyEarlierOrdersInTheWindow() {
        Order first = new Order("1", "A", 1_000_000, Long.MIN_VALUE, 10, 1, "k", null, null, null, null);
        Order second = new Order("2", "B", 1_000_000 + 1_800, Long.MIN_VALUE, 10, 1, "k", null, null, null, null);
        Order third = new Order("3", "C", 1_000_000 + 7_200, Long.MIN_VALUE, 10, 1, "k", null, null, null, null);
        OrderHistory history = OrderHistory.of(List.of(first, second, third));
        assertEquals(0, history.count(0, "k", first.time(), 3_600));
        assertEquals(1, history.count(0, "k", second.time(), 3_600));
        assertEquals(0, history.count(0, "k", third.time(), 3_600), "both earlier orders are over an hour old");
        assertEquals(2, history.count(0, "k", third.time(), 86_400));
    }

    @Test
    void badCellsAreRefusedNamingColumnAndRow() {
        Dataset bad = Dataset.builder().strings("order_id", new String[] {"1", "2"})
                .strings("customer_id", new String[] {"A", "B"})
                .strings("order_time", new String[] {"2025-01-01T10:00", "noon"})
                .numbers("amount", new double[] {1, 2}).numbers("fraud", new double[] {0, 1}).build();
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TransactionColumns.read(bad));
        assertEquals("column 'order_time' row 2: expected an ISO date-time like 2025-03-01T14:05, got 'noon'",
                e.getMessage());
    }
}
