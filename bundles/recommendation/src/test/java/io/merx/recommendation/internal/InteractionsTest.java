package io.merx.recommendation.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;

/** Reading interaction data: aggregation, configurable columns, clear errors for bad data, and the splits. */
class InteractionsTest {

    private static final Columns DEFAULT = new Columns("user", "item", "weight", "timestamp", "category");

    @Test
    void duplicateRowsAreMergedSummingWeightsAndKeepingTheLatestTime() {
        Dataset data = Dataset.builder().strings("user", new String[] {"a", "a", "b", "a"})
                .strings("item", new String[] {"x", "y", "x", "x"}).numbers("weight", new double[] {1, 2, 3, 4})
                .strings("timestamp", new String[] {"2024-01-05", "2024-01-01", "2024-02-01", "2024-01-03"}).build();
        Interactions in = Interactions.from(data, DEFAULT);
        assertEquals(2, in.userCount());
        assertEquals(2, in.itemCount());
        assertEquals(3, in.size());
        assertEquals(4, in.inputRows());
        // user a: x (1 + 4, latest 2024-01-05), y (2)
        assertArrayEquals(new int[] {0, 1}, java.util.Arrays.copyOfRange(in.items, 0, 2));
        assertEquals(5f, in.weights[0]);
        assertEquals(Timestamps.parse("2024-01-05"), in.times[0]);
        Split split = Split.leaveLastOut(in);
        assertArrayEquals(new int[] {0}, split.test()[0], "x is a's latest item");
        assertEquals(0, split.test()[1].length, "b has one item and keeps it");
    }

    @Test
    void columnNamesComeFromHyperParametersAndOptionalColumnsMayBeMissing() {
        Dataset data = Dataset.builder().strings("Customer ID", new String[] {"c1", "c2"})
                .strings("Product ID", new String[] {"p1", "p1"}).build();
        HyperParameters hp = HyperParameters.of(RecommendationParameters.als(),
                Map.of("userColumn", "Customer ID", "itemColumn", "Product ID"));
        Interactions in = Interactions.from(data, Columns.of(hp));
        assertEquals(2, in.userCount());
        assertEquals(1f, in.weights[1]);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Interactions.from(data, DEFAULT));
        assertTrue(missing.getMessage().contains("'user'"), missing.getMessage());
    }

    @Test
    void badValuesAreRefusedNamingColumnAndRow() {
        assertError(Dataset.builder().strings("user", new String[0]).strings("item", new String[0]).build(), "empty");
        assertError(data(new double[] {1, Double.NaN}), "column 'weight' row 2");
        assertError(data(new double[] {1, -2}), "column 'weight' row 2");
        assertError(data(new double[] {0, 0}), "weight 0");
        assertError(Dataset.builder().strings("user", new String[] {"a", " "}).strings("item", new String[] {"x", "y"})
                .build(), "column 'user' row 2");
        assertError(Dataset.builder().strings("user", new String[] {"a", "b"}).strings("item", new String[] {"x", "y"})
                .strings("weight", new String[] {"1", "lots"}).build(), "'weight'");
        assertError(Dataset.builder().strings("user", new String[] {"a", "b"}).strings("item", new String[] {"x", "y"})
                .strings("timestamp", new String[] {"2024-01-01", "yesterday"}).build(), "column 'timestamp' row 2");
    }

    @Test
    void timeSplitHoldsOutTheLatestInteractions() {
        Dataset data = Dataset.builder().strings("user", new String[] {"a", "a", "a", "b", "b"})
                .strings("item", new String[] {"x", "y", "z", "x", "y"}).numbers("timestamp", new double[] {1, 2, 9, 3, 8})
                .build();
        Split split = Split.of(Interactions.from(data, DEFAULT), Split.TIME, 0.4);
        assertArrayEquals(new int[] {2}, split.test()[0]);
        assertArrayEquals(new int[] {1}, split.test()[1]);
        assertEquals(3, split.train().size());
        assertArrayEquals(new int[] {0, 1}, split.evaluableUsers());
    }

    @Test
    void timestampsParseNumbersDatesAndDateTimes() {
        assertEquals(1700000000.0, Timestamps.parse("1700000000"));
        assertEquals(86_400.0, Timestamps.parse("1970-01-02"));
        assertEquals(90_000.0, Timestamps.parse("1970-01-02T01:00:00"));
        assertEquals(90_000.0, Timestamps.parse("1970-01-02T01:00:00Z"));
        assertEquals(86_400.0, Timestamps.parse("1970-01-02T01:00:00+01:00"));
        assertTrue(Double.isNaN(Timestamps.parse("soon")));
    }

    private static Dataset data(double[] weights) {
        return Dataset.builder().strings("user", new String[] {"a", "b"}).strings("item", new String[] {"x", "y"})
                .numbers("weight", weights).build();
    }

    private static void assertError(Dataset data, String expected) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Interactions.from(data, DEFAULT));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }
}
