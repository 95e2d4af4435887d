package io.merx.benchmarks.pricing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.merx.api.Dataset;

/**
 * The peer: one plain OLS log-log regression per product, {@code log units ~ 1 + log price [+ log prices of the
 * other products] [+ promo] [+ display]}, on the rows with units above 0, with the same regressors Merx uses but no
 * shrinkage. Columns a product never varies are left out (OLS could not estimate them).
 */
final class OlsPeer {

    /** The fit of one product: its regressor names and the OLS result, or null when it could not be fitted. */
    record Fit(String product, List<String> columns, ReferenceOls ols, int rows) {
    }

    private final Dataset data;
    private final boolean cross;
    private final List<String> products;
    private final double[] periods;
    private final Map<String, Double> logPrice = new HashMap<>();

    OlsPeer(Dataset data, boolean cross) {
        this.data = data;
        this.cross = cross;
        this.products = new ArrayList<>(new java.util.LinkedHashSet<>(List.of(data.strings("product"))));
        this.periods = new TreeSet<>(boxed(data.numbers("period"))).stream().mapToDouble(Double::doubleValue).toArray();
        String[] product = data.strings("product");
        double[] period = data.numbers("period");
        double[] price = data.numbers("price");
        for (int r = 0; r < product.length; r++) {
            logPrice.put(product[r] + "@" + period[r], Math.log(price[r]));
        }
    }

    List<String> products() {
        return products;
    }

    /** First period of the hold-out: the last ceil(20 %) of periods, as Merx's trainer splits. */
    double holdoutStart(double fraction) {
        int test = (int) Math.ceil(periods.length * fraction);
        return periods[periods.length - test];
    }

    Map<String, Fit> fit(double beforePeriod) {
        Map<String, Fit> fits = new LinkedHashMap<>();
        for (String product : products) {
            List<double[]> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<String> names = names(product);
            for (int r : rows(product, Double.NEGATIVE_INFINITY, beforePeriod)) {
                x.add(regressors(product, r));
                y.add(Math.log(data.numbers("units")[r]));
            }
            boolean[] keep = varying(x, names.size());
            List<String> kept = new ArrayList<>();
            for (int c = 0; c < names.size(); c++) {
                if (keep[c]) {
                    kept.add(names.get(c));
                }
            }
            try {
                ReferenceOls ols = ReferenceOls.fit(select(x, keep), y.stream().mapToDouble(Double::doubleValue)
                        .toArray());
                fits.put(product, new Fit(product, kept, ols, x.size()));
            } catch (IllegalArgumentException e) {
                fits.put(product, new Fit(product, kept, null, x.size()));
            }
        }
        return fits;
    }

    /** RMSE of log units and WAPE of units on the rows from {@code fromPeriod} on. */
    double[] holdoutError(Map<String, Fit> fits, double fromPeriod) {
        double squared = 0;
        double absolute = 0;
        double volume = 0;
        int n = 0;
        for (String product : products) {
            Fit fit = fits.get(product);
            if (fit.ols() == null) {
                continue;
            }
            boolean[] keep = keepMask(product, fit.columns());
            for (int r : rows(product, fromPeriod, Double.POSITIVE_INFINITY)) {
                double[] x = select(List.of(regressors(product, r)), keep)[0];
                double mean = fit.ols().predict(x);
                double actual = data.numbers("units")[r];
                double e = Math.log(actual) - mean;
                squared += e * e;
                absolute += Math.abs(actual - Math.exp(mean + 0.5 * fit.ols().s2));
                volume += actual;
                n++;
            }
        }
        return new double[] {Math.sqrt(squared / n), absolute / volume, n};
    }

    List<String> names(String product) {
        List<String> names = new ArrayList<>(List.of("intercept", "own"));
        if (cross) {
            for (String other : products) {
                if (!other.equals(product)) {
                    names.add(other);
                }
            }
        }
        if (data.hasColumn("promo")) {
            names.add("promo");
        }
        if (data.hasColumn("display")) {
            names.add("display");
        }
        return names;
    }

    private boolean[] keepMask(String product, List<String> kept) {
        List<String> names = names(product);
        boolean[] keep = new boolean[names.size()];
        for (int c = 0; c < keep.length; c++) {
            keep[c] = kept.contains(names.get(c));
        }
        return keep;
    }

    private double[] regressors(String product, int r) {
        List<Double> x = new ArrayList<>(List.of(1.0, Math.log(data.numbers("price")[r])));
        double period = data.numbers("period")[r];
        if (cross) {
            for (String other : products) {
                if (!other.equals(product)) {
                    Double lp = logPrice.get(other + "@" + period);
                    x.add(lp == null ? Double.NaN : lp);
                }
            }
        }
        if (data.hasColumn("promo")) {
            x.add(data.numbers("promo")[r]);
        }
        if (data.hasColumn("display")) {
            x.add(data.numbers("display")[r]);
        }
        return x.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private List<Integer> rows(String product, double from, double before) {
        String[] ids = data.strings("product");
        double[] period = data.numbers("period");
        double[] units = data.numbers("units");
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < ids.length; r++) {
            if (ids[r].equals(product) && period[r] >= from && period[r] < before && units[r] > 0) {
                rows.add(r);
            }
        }
        return rows;
    }

    private static boolean[] varying(List<double[]> x, int p) {
        boolean[] keep = new boolean[p];
        keep[0] = true;
        for (int c = 1; c < p; c++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] row : x) {
                min = Math.min(min, row[c]);
                max = Math.max(max, row[c]);
            }
            keep[c] = max - min > 1e-9;
        }
        return keep;
    }

    private static double[][] select(List<double[]> x, boolean[] keep) {
        int p = 0;
        for (boolean k : keep) {
            p += k ? 1 : 0;
        }
        double[][] out = new double[x.size()][p];
        for (int r = 0; r < x.size(); r++) {
            for (int c = 0, o = 0; c < keep.length; c++) {
                if (keep[c]) {
                    out[r][o++] = x.get(r)[c];
                }
            }
        }
        return out;
    }

    private static List<Double> boxed(double[] values) {
        List<Double> out = new ArrayList<>();
        for (double v : values) {
            out.add(v);
        }
        return out;
    }
}
