package io.merx.customers.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.merx.api.Dataset;

class CustomerHistoriesTest {

    private static int day(String iso) {
        return (int) LocalDate.parse(iso).toEpochDay();
    }

    private static Dataset lines(boolean withOrderIds) {
        Dataset.Builder b = Dataset.builder()
                .strings("customer", new String[] {"ann", "bob", "ann", "ann", "ann", "bob"})
                .strings("date", new String[] {"2024-01-05", "2024-01-06", "2024-01-05", "2024-02-01", "2024-01-05",
                    "2024-03-01"})
                .numbers("amount", new double[] {10, 7, 5, 20, 1, 3})
                .strings("category", new String[] {"toys", "books", "books", "toys", "toys", "books"});
        if (withOrderIds) {
            b.strings("order", new String[] {"A1", "B1", "A1", "A2", "A3", "B2"});
        }
        return b.build();
    }

    @Test
    void withoutOrderIdsOneCustomersLinesOfOneDateAreOneOrder() {
        CustomerHistories all = CustomerHistories.from(lines(false), OrderColumns.DEFAULT);
        assertEquals(2, all.size());
        assertEquals("ann", all.customers().get(0).customer(), "first appearance order");
        CustomerHistory ann = all.customer("ann").orElseThrow();
        assertEquals(2, ann.orderCount());
        Order first = ann.orders().get(0);
        assertEquals(day("2024-01-05"), first.day());
        assertEquals(16, first.amount(), 1e-9);
        assertEquals(3, first.lineCount());
        assertNull(first.id());
        assertEquals(List.of("toys", "books"), all.categories());
        assertArrayEquals(new double[] {11, 5}, first.categorySpend(), 1e-9);
        assertArrayEquals(new double[] {31, 5}, ann.categorySpend(), 1e-9);
        assertEquals(36, ann.totalAmount(), 1e-9);
        assertEquals(day("2024-03-01"), all.endDay());
        assertEquals(day("2024-01-05"), all.firstDay());
    }

    @Test
    void orderIdsSplitOrdersOfOneDay() {
        CustomerHistory ann = CustomerHistories.from(lines(true), OrderColumns.DEFAULT).customer("ann").orElseThrow();
        assertEquals(3, ann.orderCount());
        assertEquals("A1", ann.orders().get(0).id());
        assertEquals(15, ann.orders().get(0).amount(), 1e-9);
        assertEquals("A3", ann.orders().get(1).id(), "same-day orders keep the order of their first line");
        assertEquals(2, ann.purchaseDays());
    }

    @Test
    void asOfCutsEveryHistoryAndMovesTheEnd() {
        CustomerHistories all = CustomerHistories.from(lines(false), OrderColumns.DEFAULT);
        CustomerHistories january = all.asOf(day("2024-01-31"));
        assertEquals(day("2024-01-31"), january.endDay());
        assertEquals(1, january.customer("ann").orElseThrow().orderCount());
        assertEquals(1, january.customer("bob").orElseThrow().orderCount());
        CustomerHistories early = all.asOf(day("2024-01-05"));
        assertFalse(early.customer("bob").isPresent(), "bob had not ordered yet");
        assertEquals(1, all.customer("bob").orElseThrow()
                .ordersBetween(january.endDay(), all.endDay()).size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> all.asOf(day("2023-12-31")));
        assertEquals("no customer has an order on or before 2023-12-31; the data starts 2024-01-05", e.getMessage());
    }
}
