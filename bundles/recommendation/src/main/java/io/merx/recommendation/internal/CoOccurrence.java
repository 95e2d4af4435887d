package io.merx.recommendation.internal;

import java.util.Arrays;

/**
 * Counts, for one item at a time, how many users had it together with each other item ({@code X^T X} row by row,
 * binary X), walking only the users of that item: the work is the sum over users of their item count squared,
 * not the item count squared. One instance per thread; it reuses its buffers.
 */
final class CoOccurrence {

    private final Interactions data;
    private final Interactions.ItemMajor byItem;
    private final int[] counts;
    private final int[] touched;
    private int touchedCount;

    CoOccurrence(Interactions data, Interactions.ItemMajor byItem) {
        this.data = data;
        this.byItem = byItem;
        this.counts = new int[data.itemCount()];
        this.touched = new int[data.itemCount()];
    }

    /** Counts row {@code item}; read it with {@link #touchedCount}, {@link #touched} and {@link #count}. */
    void countRow(int item) {
        for (int t = 0; t < touchedCount; t++) {
            counts[touched[t]] = 0;
        }
        touchedCount = 0;
        for (int q = byItem.ptr()[item]; q < byItem.ptr()[item + 1]; q++) {
            int user = byItem.users()[q];
            for (int p = data.userPtr[user]; p < data.userPtr[user + 1]; p++) {
                int other = data.items[p];
                if (counts[other]++ == 0) {
                    touched[touchedCount++] = other;
                }
            }
        }
        Arrays.sort(touched, 0, touchedCount);
    }

    int touchedCount() {
        return touchedCount;
    }

    /** The {@code t}-th item of the last row with a non-zero count, ascending. */
    int touched(int t) {
        return touched[t];
    }

    int count(int other) {
        return counts[other];
    }
}
