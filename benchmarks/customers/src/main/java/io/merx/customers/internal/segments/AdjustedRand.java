package io.merx.customers.internal.segments;

import java.util.HashMap;
import java.util.Map;

/** The adjusted Rand index of two labelings (Hubert &amp; Arabie 1985), as scikit-learn's adjusted_rand_score. */
final class AdjustedRand {

    private AdjustedRand() {
    }

    static double index(int[] a, int[] b) {
        Map<Long, Integer> cells = new HashMap<>();
        Map<Integer, Integer> rows = new HashMap<>();
        Map<Integer, Integer> cols = new HashMap<>();
        for (int i = 0; i < a.length; i++) {
            cells.merge(((long) a[i] << 32) | (b[i] & 0xffffffffL), 1, Integer::sum);
            rows.merge(a[i], 1, Integer::sum);
            cols.merge(b[i], 1, Integer::sum);
        }
        double index = cells.values().stream().mapToDouble(AdjustedRand::pairs).sum();
        double sumRows = rows.values().stream().mapToDouble(AdjustedRand::pairs).sum();
        double sumCols = cols.values().stream().mapToDouble(AdjustedRand::pairs).sum();
        double expected = sumRows * sumCols / pairs(a.length);
        double max = (sumRows + sumCols) / 2;
        return max == expected ? 1.0 : (index - expected) / (max - expected);
    }

    private static double pairs(int n) {
        return n * (n - 1) / 2.0;
    }
}
