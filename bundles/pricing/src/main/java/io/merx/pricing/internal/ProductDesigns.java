package io.merx.pricing.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The regression problem of every product in a sales history: its centring statistics, its substitutes (the
 * largest-volume other products of its category) and its design, centred regressors and log units on the rows
 * with units above 0, with {@code [X | y]'[X | y]} computed once on ND4J for both estimation stages.
 */
final class ProductDesigns {

    static final int GROUP_OWN = 0;
    static final int GROUP_CROSS = 1;
    static final int GROUP_PROMO = 2;
    static final int GROUP_DISPLAY = 3;
    static final int GROUP_COMPETITOR = 4;
    /** Number of coefficient groups, each with its own prior. */
    static final int GROUPS = 5;
    private static final double MIN_COLUMN_VARIANCE = 1e-10;

    private final SalesHistory h;
    private final TermLayout layout;
    private final int maxCross;
    final Stats[] stats;
    final int[][] partners;
    final Design[] designs;

    /**
     * @param use rows to build from (all rows for the final model, early periods for a hold-out)
     * @param maxCross largest number of substitutes per product; 0 for none
     */
    ProductDesigns(SalesHistory history, boolean[] use, TermLayout layout, int maxCross) {
        this.h = history;
        this.layout = layout;
        this.maxCross = maxCross;
        int n = h.products.size();
        stats = productStats(use);
        partners = partners(stats);
        double[][] logPriceAt = priceGrid(use, stats);
        List<List<Integer>> rowsOf = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rowsOf.add(new ArrayList<>());
        }
        for (int r = 0; r < h.rows(); r++) {
            if (use[r] && !Double.isNaN(h.logUnits[r])) {
                rowsOf.get(h.product[r]).add(r);
            }
        }
        designs = new Design[n];
        for (int i = 0; i < n; i++) {
            designs[i] = design(i, partners[i], rowsOf.get(i), stats, logPriceAt);
        }
    }

    /** Per-product price statistics over the used rows (zero-unit rows included: their prices are real). */
    static final class Stats {
        double sumLogPrice;
        double sumLogCompetitor;
        int priceRows;
        int lastPeriod = -1;
        double lastLogPrice;
        double minLogPrice = Double.POSITIVE_INFINITY;
        double maxLogPrice = Double.NEGATIVE_INFINITY;
        double volume;
        final java.util.Set<Double> prices = new java.util.HashSet<>();

        double meanLogPrice() {
            return priceRows == 0 ? 0 : sumLogPrice / priceRows;
        }

        double meanLogCompetitor() {
            return priceRows == 0 ? 0 : sumLogCompetitor / priceRows;
        }
    }

    private Stats[] productStats(boolean[] use) {
        Stats[] stats = new Stats[h.products.size()];
        for (int i = 0; i < stats.length; i++) {
            stats[i] = new Stats();
        }
        for (int r = 0; r < h.rows(); r++) {
            if (!use[r]) {
                continue;
            }
            Stats s = stats[h.product[r]];
            double lp = h.logPrice[r];
            s.sumLogPrice += lp;
            s.sumLogCompetitor += h.logCompetitor[r];
            s.priceRows++;
            if (h.period[r] > s.lastPeriod) {
                s.lastPeriod = h.period[r];
                s.lastLogPrice = lp;
            }
            s.minLogPrice = Math.min(s.minLogPrice, lp);
            s.maxLogPrice = Math.max(s.maxLogPrice, lp);
            // prices equal to the cent count as one price
            s.prices.add((double) Math.round(Math.exp(lp) * 100));
            if (!Double.isNaN(h.logUnits[r])) {
                s.volume += Math.exp(h.logUnits[r]);
            }
        }
        return stats;
    }

    /** For each product, the largest-volume other products of its category, in model order. */
    private int[][] partners(Stats[] stats) {
        int n = h.products.size();
        Map<String, List<Integer>> byCategory = new HashMap<>();
        for (int i = 0; i < n; i++) {
            byCategory.computeIfAbsent(h.categories.get(i), c -> new ArrayList<>()).add(i);
        }
        int[][] partners = new int[n][];
        for (int i = 0; i < n; i++) {
            final int self = i;
            partners[i] = byCategory.get(h.categories.get(i)).stream().filter(j -> j != self && stats[j].priceRows > 0)
                    .sorted((a, b) -> Double.compare(stats[b].volume, stats[a].volume)).limit(maxCross)
                    .sorted().mapToInt(Integer::intValue).toArray();
        }
        return partners;
    }

    private double[][] priceGrid(boolean[] use, Stats[] stats) {
        double[][] grid = new double[h.products.size()][h.periods.size()];
        for (double[] row : grid) {
            Arrays.fill(row, Double.NaN);
        }
        for (int r = 0; r < h.rows(); r++) {
            if (use[r]) {
                grid[h.product[r]][h.period[r]] = h.logPrice[r] - stats[h.product[r]].meanLogPrice();
            }
        }
        return grid;
    }

    /**
     * The regression rows of one product: centred regressors and log units, which columns vary, and
     * {@code [X | y]'[X | y]} computed once on ND4J for both stages.
     */
    record Design(double[][] x, double[] y, int[] group, boolean[] varies, double[][] gram) {

        /** X'X and X'y restricted to some columns, as {@code [c][c]} with X'y appended as column c. */
        double[][] cross(int[] cols) {
            int p = group.length;
            double[][] out = new double[cols.length][cols.length + 1];
            for (int a = 0; a < cols.length; a++) {
                for (int b = 0; b < cols.length; b++) {
                    out[a][b] = gram[cols[a]][cols[b]];
                }
                out[a][cols.length] = gram[cols[a]][p];
            }
            return out;
        }
    }

    private Design design(int i, int[] partners, List<Integer> productRows, Stats[] stats, double[][] logPriceAt) {
        int p = layout.size(partners.length);
        int[] group = new int[p];
        group[ProductDemand.INTERCEPT] = -1;
        group[ProductDemand.OWN] = GROUP_OWN;
        for (int k = 0; k < partners.length; k++) {
            group[ProductDemand.FIRST_CROSS + k] = GROUP_CROSS;
        }
        int promoAt = layout.promoIndex(partners.length);
        int displayAt = layout.displayIndex(partners.length);
        int competitorAt = layout.competitorIndex(partners.length);
        if (promoAt >= 0) {
            group[promoAt] = GROUP_PROMO;
        }
        if (displayAt >= 0) {
            group[displayAt] = GROUP_DISPLAY;
        }
        if (competitorAt >= 0) {
            group[competitorAt] = GROUP_COMPETITOR;
        }
        List<double[]> rows = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int r : productRows) {
            double[] x = new double[p];
            x[ProductDemand.INTERCEPT] = 1;
            x[ProductDemand.OWN] = h.logPrice[r] - stats[i].meanLogPrice();
            for (int k = 0; k < partners.length; k++) {
                double lp = logPriceAt[partners[k]][h.period[r]];
                // a substitute not on sale that period is taken at its usual price: the term is 0
                x[ProductDemand.FIRST_CROSS + k] = Double.isNaN(lp) ? 0 : lp;
            }
            if (promoAt >= 0) {
                x[promoAt] = h.promo[r];
            }
            if (displayAt >= 0) {
                x[displayAt] = h.display[r];
            }
            if (competitorAt >= 0) {
                x[competitorAt] = h.logCompetitor[r] - stats[i].meanLogCompetitor();
            }
            rows.add(x);
            ys.add(h.logUnits[r]);
        }
        double[][] x = rows.toArray(new double[0][]);
        double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] varies = new boolean[p];
        varies[ProductDemand.INTERCEPT] = x.length > 0;
        for (int k = 1; k < p; k++) {
            varies[k] = variance(x, k) > MIN_COLUMN_VARIANCE;
        }
        return new Design(x, y, group, varies, x.length == 0 ? null : Nd4jAlgebra.augmentedGram(x, y));
    }

    private static double variance(double[][] x, int column) {
        if (x.length < 2) {
            return 0;
        }
        double mean = 0;
        for (double[] row : x) {
            mean += row[column];
        }
        mean /= x.length;
        double s = 0;
        for (double[] row : x) {
            s += (row[column] - mean) * (row[column] - mean);
        }
        return s / x.length;
    }
}
