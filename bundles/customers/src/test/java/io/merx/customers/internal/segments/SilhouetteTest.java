package io.merx.customers.internal.segments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SilhouetteTest {

    @Test
    void matchesTheDefinitionOnALineOfPoints() {
        double[][] rows = {{0}, {1}, {4}, {6}};
        int[] assignment = {0, 0, 1, 1};
        // a, b per point: (1, 5), (1, 4), (2, 3.5), (2, 5.5)
        double expected = ((5 - 1) / 5.0 + (4 - 1) / 4.0 + (3.5 - 2) / 3.5 + (5.5 - 2) / 5.5) / 4;
        assertEquals(expected, Silhouette.mean(rows, assignment, 2), 1e-9);
    }

    @Test
    void aPointAloneCountsZero() {
        double[][] rows = {{0}, {1}, {10}};
        int[] assignment = {0, 0, 1};
        // points 0 and 1: a = 1, b = 10 and 9
        double expected = ((10 - 1) / 10.0 + (9 - 1) / 9.0 + 0) / 3;
        assertEquals(expected, Silhouette.mean(rows, assignment, 2), 1e-9);
    }
}
