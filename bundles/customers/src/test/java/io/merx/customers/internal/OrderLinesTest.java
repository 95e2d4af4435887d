package io.merx.customers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.merx.api.Dataset;

class OrderLinesTest {

    private static Dataset data(String[] customers, String[] dates, double[] amounts) {
        return Dataset.builder().strings("customer", customers).strings("date", dates).numbers("amount", amounts)
                .build();
    }

    @Test
    void readsDatesDateTimesAndOptionalColumns() {
        Dataset data = Dataset.builder()
                .strings("customer", new String[] {"a", "b", "a"})
                .strings("date", new String[] {"2024-03-01", "2024-03-02T23:30:00", "2024-03-03T00:30:00+02:00"})
                .numbers("amount", new double[] {10, 0, 2.5})
                .strings("category", new String[] {"toys", null, "books"})
                .build();
        OrderLines lines = OrderLines.from(data, OrderColumns.DEFAULT);
        assertEquals(3, lines.size());
        assertEquals(2, lines.customerCount());
        assertEquals("b", lines.customerId(lines.customer(1)));
        assertEquals(LocalDate.of(2024, 3, 2).toEpochDay(), lines.day(1));
        assertEquals(LocalDate.of(2024, 3, 3).toEpochDay(), lines.day(2), "the local date as written");
        assertEquals(List.of("toys", "books"), lines.categories());
        assertEquals(-1, lines.category(1));
        assertNull(lines.order(0), "no order column");
        assertNull(lines.item(0), "no item column");
    }

    @Test
    void instantsCountInUtc() {
        assertEquals(LocalDate.of(2024, 3, 1).toEpochDay(), OrderDates.parse("2024-03-01T23:30:00Z"));
    }

    @Test
    void namesTheColumnAndRowOfEachBadValue() {
        String[] c = {"a", "b"};
        assertMessage("column 'date' row 2 must be an ISO-8601 date such as 2016-11-08, got '03/01/2024'",
                data(c, new String[] {"2024-03-01", "03/01/2024"}, new double[] {1, 2}));
        assertMessage("column 'customer' row 1 is empty",
                data(new String[] {" ", "b"}, new String[] {"2024-03-01", "2024-03-01"}, new double[] {1, 2}));
        assertMessage("column 'amount' row 2 must be a finite number >= 0, got -3.0",
                data(c, new String[] {"2024-03-01", "2024-03-01"}, new double[] {1, -3}));
        assertMessage("column 'amount' row 1 is empty",
                data(c, new String[] {"2024-03-01", "2024-03-01"}, new double[] {Double.NaN, 1}));
        Dataset textAmount = Dataset.builder().strings("customer", c).strings("date",
                new String[] {"2024-03-01", "2024-03-01"}).strings("amount", new String[] {"1.5", "ten"}).build();
        assertMessage("column 'amount' row 2 must be a number >= 0, got 'ten'", textAmount);
    }

    @Test
    void namesAMissingColumnAndTheParameterThatPicksAnother() {
        Dataset data = Dataset.builder().strings("client", new String[] {"a"}).strings("date",
                new String[] {"2024-03-01"}).numbers("amount", new double[] {1}).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OrderLines.from(data, OrderColumns.DEFAULT));
        assertTrue(e.getMessage().startsWith("missing column 'customer'"), e.getMessage());
        assertTrue(e.getMessage().contains("customerColumn"), e.getMessage());
        OrderColumns renamed = new OrderColumns("client", "date", "amount", "", "", "");
        assertEquals(1, OrderLines.from(data, renamed).size());
    }

    @Test
    void refusesEmptyData() {
        Dataset empty = data(new String[0], new String[0], new double[0]);
        assertMessage("the order data is empty: it has no rows", empty);
    }

    private static void assertMessage(String expected, Dataset data) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OrderLines.from(data, OrderColumns.DEFAULT));
        assertEquals(expected, e.getMessage());
    }
}
