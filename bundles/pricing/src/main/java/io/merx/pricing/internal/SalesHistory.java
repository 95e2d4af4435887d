package io.merx.pricing.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.merx.api.Dataset;

/**
 * A validated sales history in log space: one observation per product and period, with the product's category
 * and the optional promotion, display and competitor-price covariates. Rows with zero units cannot enter a
 * log-log regression; they are dropped (and counted) or rejected, as the {@code zeroUnits} hyper-parameter says.
 */
final class SalesHistory {

    /** Category of products when the data has no category column. */
    static final String DEFAULT_CATEGORY = "all";

    final List<String> products;
    final List<String> categories;
    final List<String> periods;
    final boolean hasPromo;
    final boolean hasDisplay;
    final boolean hasCompetitor;
    /**
     * Observations in row order, one entry per input row. Rows with 0 units keep their prices (a product's price
     * still matters to its substitutes' demand) but have NaN log units and never enter a regression.
     */
    final int[] product;
    final int[] period;
    final double[] logPrice;
    final double[] logUnits;
    final double[] promo;
    final double[] display;
    final double[] logCompetitor;
    final int droppedZeroRows;

    private SalesHistory(Builder b) {
        products = List.copyOf(b.products);
        categories = List.copyOf(b.categories);
        periods = b.periods;
        hasPromo = b.hasPromo;
        hasDisplay = b.hasDisplay;
        hasCompetitor = b.hasCompetitor;
        product = b.product;
        period = b.period;
        logPrice = b.logPrice;
        logUnits = b.logUnits;
        promo = b.promo;
        display = b.display;
        logCompetitor = b.logCompetitor;
        droppedZeroRows = b.dropped;
    }

    int rows() {
        return product.length;
    }

    /**
     * Reads and checks the history.
     *
     * @param rejectZeroUnits whether a row with 0 units is an error rather than dropped
     * @throws IllegalArgumentException naming the column, the row (1-based) and the problem
     */
    static SalesHistory from(Dataset data, Columns columns, boolean rejectZeroUnits) {
        int n = data.rowCount();
        if (n == 0) {
            throw new IllegalArgumentException("the sales history has no rows");
        }
        String[] productIds = data.strings(columns.product());
        double[] price = data.numbers(columns.price());
        double[] units = data.numbers(columns.units());
        String[] category = columns.category() == null ? null : data.strings(columns.category());
        double[] promo = columns.promo() == null ? null : data.numbers(columns.promo());
        double[] display = columns.display() == null ? null : data.numbers(columns.display());
        double[] competitor = columns.competitorPrice() == null ? null : data.numbers(columns.competitorPrice());
        String[] periodIds = data.strings(columns.period());
        List<String> periodOrder = sortedPeriods(data, columns.period(), periodIds);
        Map<String, Integer> periodIndex = new HashMap<>();
        for (int i = 0; i < periodOrder.size(); i++) {
            periodIndex.put(periodOrder.get(i), i);
        }

        Builder b = new Builder(n);
        b.periods = periodOrder;
        b.hasPromo = promo != null;
        b.hasDisplay = display != null;
        b.hasCompetitor = competitor != null;
        Map<String, Integer> productIndex = new LinkedHashMap<>();
        Map<Long, Integer> seen = new HashMap<>();
        for (int row = 0; row < n; row++) {
            int line = row + 1;
            String id = require(productIds[row], columns.product(), line);
            String periodId = require(periodIds[row], columns.period(), line);
            String cat = category == null ? DEFAULT_CATEGORY : require(category[row], columns.category(), line);
            double p = price[row];
            if (!Double.isFinite(p) || p <= 0) {
                throw new IllegalArgumentException("column '" + columns.price() + "' row " + line
                        + ": price must be a positive number, got " + p);
            }
            double u = units[row];
            if (!Double.isFinite(u) || u < 0) {
                throw new IllegalArgumentException("column '" + columns.units() + "' row " + line
                        + ": units must be a number >= 0, got " + u);
            }
            double pr = promo == null ? 0 : finite(promo[row], columns.promo(), line);
            double di = display == null ? 0 : finite(display[row], columns.display(), line);
            double co = 0;
            if (competitor != null) {
                co = competitor[row];
                if (!Double.isFinite(co) || co <= 0) {
                    throw new IllegalArgumentException("column '" + columns.competitorPrice() + "' row " + line
                            + ": competitor price must be a positive number, got " + co);
                }
            }
            Integer index = productIndex.get(id);
            if (index == null) {
                index = productIndex.size();
                productIndex.put(id, index);
                b.products.add(id);
                b.categories.add(cat);
            } else if (!b.categories.get(index).equals(cat)) {
                throw new IllegalArgumentException("column '" + columns.category() + "' row " + line + ": product '"
                        + id + "' is in category '" + cat + "' but earlier rows put it in '"
                        + b.categories.get(index) + "'");
            }
            int t = periodIndex.get(periodId);
            Integer earlier = seen.put(((long) index << 32) | t, line);
            if (earlier != null) {
                throw new IllegalArgumentException("column '" + columns.period() + "' row " + line + ": product '" + id
                        + "' already has a row for period '" + periodId + "' (row " + earlier + ")");
            }
            if (u == 0) {
                if (rejectZeroUnits) {
                    throw new IllegalArgumentException("column '" + columns.units() + "' row " + line
                            + ": 0 units has no logarithm; set hyper-parameter zeroUnits=drop to skip such rows");
                }
                b.dropped++;
            }
            b.product[row] = index;
            b.period[row] = t;
            b.logPrice[row] = Math.log(p);
            b.logUnits[row] = u > 0 ? Math.log(u) : Double.NaN;
            b.promo[row] = pr;
            b.display[row] = di;
            b.logCompetitor[row] = competitor == null ? 0 : Math.log(co);
        }
        if (b.dropped == n) {
            throw new IllegalArgumentException("column '" + columns.units() + "': every row has 0 units");
        }
        return new SalesHistory(b);
    }

    private static List<String> sortedPeriods(Dataset data, String column, String[] ids) {
        List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(Arrays.asList(ids)));
        distinct.remove(null);
        if (data.isNumeric(column)) {
            distinct.sort(Comparator.comparingDouble(Double::parseDouble));
        } else {
            distinct.sort(Comparator.naturalOrder());
        }
        return List.copyOf(distinct);
    }

    private static String require(String value, String column, int line) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("column '" + column + "' row " + line + " is missing");
        }
        return value;
    }

    private static double finite(double value, String column, int line) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("column '" + column + "' row " + line + " is missing or not finite");
        }
        return value;
    }

    private static final class Builder {
        final List<String> products = new ArrayList<>();
        final List<String> categories = new ArrayList<>();
        List<String> periods;
        boolean hasPromo;
        boolean hasDisplay;
        boolean hasCompetitor;
        int[] product;
        int[] period;
        double[] logPrice;
        double[] logUnits;
        double[] promo;
        double[] display;
        double[] logCompetitor;
        int dropped;

        Builder(int n) {
            product = new int[n];
            period = new int[n];
            logPrice = new double[n];
            logUnits = new double[n];
            promo = new double[n];
            display = new double[n];
            logCompetitor = new double[n];
        }
    }
}
