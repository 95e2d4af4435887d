package io.merx.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DatasetTest {

    private Dataset data(double last) {
        return Dataset.builder().strings("user", new String[] {"a", "b"}).numbers("w", new double[] {1, last}).build();
    }

    @Test
    void exposesColumnsByTypeAndNamesMissingOnes() {
        Dataset data = data(2);
        assertEquals(2, data.rowCount());
        assertArrayEquals(new String[] {"1", "2"}, data.strings("w"));
        assertEquals("column 'user' must be numeric but holds text",
                assertThrows(IllegalArgumentException.class, () -> data.numbers("user")).getMessage());
        assertEquals("missing column 'item'; the data has [user, w]",
                assertThrows(IllegalArgumentException.class, () -> data.numbers("item")).getMessage());
    }

    @Test
    void fingerprintFollowsTheContent() {
        assertEquals(data(2).fingerprint(), data(2).fingerprint());
        assertNotEquals(data(2).fingerprint(), data(3).fingerprint());
    }

    @Test
    void refusesRaggedColumns() {
        assertEquals("column 'w' has 1 rows but column 'user' has 2",
                assertThrows(IllegalArgumentException.class, () -> Dataset.builder()
                        .strings("user", new String[] {"a", "b"}).numbers("w", new double[] {1}).build())
                        .getMessage());
    }
}
