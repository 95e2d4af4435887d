package io.merx.pricing.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The candidate prices of one product between its bounds: an explicit list, prices with given endings
 * ({@code .99}, {@code .49}: every whole amount plus each ending), or a regular step (default one cent).
 * Candidates are rounded to 1e-6 so that {@code 2 + 0.99} is exactly {@code 2.99}.
 */
final class PriceLadder {

    /** Most candidates per product; beyond it the search would be slow for no business gain. */
    static final int MAX_CANDIDATES = 5_000;

    private PriceLadder() {
    }

    /**
     * @param explicit prices to choose from, or null
     * @param endings fractional endings in [0, 1), or null
     * @param step spacing of a regular grid when neither list is given
     * @return ascending candidates within [lower, upper]; empty when none fits
     */
    static double[] candidates(double lower, double upper, double[] explicit, double[] endings, double step,
            String product) {
        TreeSet<Double> out = new TreeSet<>();
        if (explicit != null) {
            for (double p : explicit) {
                if (p > 0 && p >= lower - 1e-9 && p <= upper + 1e-9) {
                    out.add(round(p));
                }
            }
        } else if (endings != null) {
            for (long whole = (long) Math.floor(lower) - 1; whole <= (long) Math.ceil(upper); whole++) {
                for (double ending : endings) {
                    double p = round(whole + ending);
                    if (p > 0 && p >= lower - 1e-9 && p <= upper + 1e-9) {
                        out.add(p);
                    }
                }
                checkSize(out.size(), lower, upper, product);
            }
        } else {
            long first = (long) Math.ceil(lower / step - 1e-9);
            long last = (long) Math.floor(upper / step + 1e-9);
            checkSize(last - first + 1, lower, upper, product);
            for (long k = Math.max(first, 1); k <= last; k++) {
                out.add(round(k * step));
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void checkSize(long size, double lower, double upper, String product) {
        if (size > MAX_CANDIDATES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "field 'constraints.step': product '%s' would have %d candidate prices between %.2f and %.2f "
                            + "(at most %d); use a coarser step, endings or tighter bounds",
                    product, size, lower, upper, MAX_CANDIDATES));
        }
    }

    static double round(double price) {
        return Math.round(price * 1e6) / 1e6;
    }

    /** Index of the candidate nearest to a price. */
    static int nearest(double[] ladder, double price) {
        int i = Arrays.binarySearch(ladder, price);
        if (i >= 0) {
            return i;
        }
        int above = -i - 1;
        if (above == 0) {
            return 0;
        }
        if (above == ladder.length) {
            return ladder.length - 1;
        }
        return price - ladder[above - 1] <= ladder[above] - price ? above - 1 : above;
    }
}
