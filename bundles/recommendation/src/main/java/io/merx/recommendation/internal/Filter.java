package io.merx.recommendation.internal;

import java.util.Arrays;

/**
 * Which items a query may return. Exclusions are one sorted array, so a full scan over the catalogue skips them
 * with a moving pointer instead of hashing every item.
 *
 * @param excluded sorted, distinct item indices never returned
 * @param only sorted, distinct allowed items (the whitelist), or null for the whole catalogue
 * @param categories allowed category indices, or null for all
 */
record Filter(int[] excluded, int[] only, boolean[] categories) {

    static final Filter NONE = new Filter(new int[0], null, null);

    boolean isExcluded(int item) {
        return Arrays.binarySearch(excluded, item) >= 0;
    }

    boolean categoryAllowed(int[] itemCategory, int item) {
        if (categories == null) {
            return true;
        }
        int c = itemCategory[item];
        return c >= 0 && categories[c];
    }

    /** Sorted distinct copy of the first {@code n} values. */
    static int[] sortedDistinct(int[] values, int n) {
        int[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        int m = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[m++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, m);
    }
}
