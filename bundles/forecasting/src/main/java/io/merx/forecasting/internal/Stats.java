package io.merx.forecasting.internal;

import java.util.Arrays;

/** Small statistics helpers: normal quantiles, empirical quantiles, autocorrelation, least-squares slope. */
final class Stats {

    /** Standard normal quantiles of the 80 % and 95 % two-sided intervals. */
    static final double Z80 = 1.2815515655446004;
    static final double Z95 = 1.959963984540054;

    private Stats() {
    }

    /** Inverse of the standard normal distribution function (Acklam's rational approximation, |error| < 1.2e-9). */
    static double normalQuantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1), got " + p);
        }
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
            -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
            -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
            4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low) {
            return -normalQuantile(1 - p);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

    /** Empirical quantile (type 7, as R's default) of values; sorts a copy. */
    static double quantile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sortedQuantile(sorted, p);
    }

    static double sortedQuantile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * Type-7 quantiles of values for several probabilities at once, equal to {@link #sortedQuantile} of the sorted
     * values; reorders values. Only the order statistics the quantiles need are put in place (a multi-way
     * quickselect under {@link Double#compare}, the order {@link Arrays#sort} uses): simulated intervals ask for
     * four quantiles of 2,000 paths per step, and sorting them was a quarter of forecasting time.
     */
    static double[] quantiles(double[] values, double... probabilities) {
        int n = values.length;
        double[] result = new double[probabilities.length];
        if (n == 0) {
            return result;
        }
        int[] ranks = new int[2 * probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            int lo = (int) Math.floor((n - 1) * probabilities[i]);
            ranks[2 * i] = lo;
            ranks[2 * i + 1] = Math.min(lo + 1, n - 1);
        }
        Arrays.sort(ranks);
        select(values, 0, n, ranks, 0, ranks.length);
        for (int i = 0; i < probabilities.length; i++) {
            double h = (n - 1) * probabilities[i];
            int lo = (int) Math.floor(h);
            int hi = Math.min(lo + 1, n - 1);
            result[i] = values[lo] + (h - lo) * (values[hi] - values[lo]);
        }
        return result;
    }

    /** Puts the elements of sorted rank ranks[rFrom..rTo) in their sorted places within a[from..to). */
    private static void select(double[] a, int from, int to, int[] ranks, int rFrom, int rTo) {
        while (rFrom < rTo) {
            if (to - from <= 32) {
                Arrays.sort(a, from, to);
                return;
            }
            double pivot = medianOfThree(a[from], a[(from + to) >>> 1], a[to - 1]);
            // Three-way partition: [from, lt) before the pivot, [lt, gt) equal to it, [gt, to) after it.
            int lt = from;
            int i = from;
            int gt = to;
            while (i < gt) {
                int c = Double.compare(a[i], pivot);
                if (c < 0) {
                    swap(a, lt++, i++);
                } else if (c > 0) {
                    swap(a, i, --gt);
                } else {
                    i++;
                }
            }
            int left = rFrom;
            while (left < rTo && ranks[left] < lt) {
                left++;
            }
            int right = left;
            while (right < rTo && ranks[right] < gt) {
                right++;
            }
            select(a, from, lt, ranks, rFrom, left);
            from = gt;
            rFrom = right;
        }
    }

    private static double medianOfThree(double a, double b, double c) {
        if (Double.compare(a, b) > 0) {
            double t = a;
            a = b;
            b = t;
        }
        if (Double.compare(b, c) > 0) {
            b = c;
        }
        return Double.compare(a, b) > 0 ? a : b;
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    static double mean(double[] y, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += y[i];
        }
        return sum / Math.max(1, to - from);
    }

    static double median(double[] values) {
        return quantile(values, 0.5);
    }

    /** Autocorrelations r_1..r_maxLag of y. */
    static double[] acf(double[] y, int maxLag) {
        int n = y.length;
        double mean = mean(y, 0, n);
        double denominator = 0;
        for (double v : y) {
            denominator += (v - mean) * (v - mean);
        }
        double[] r = new double[maxLag + 1];
        for (int k = 1; k <= maxLag && k < n; k++) {
            double sum = 0;
            for (int t = k; t < n; t++) {
                sum += (y[t] - mean) * (y[t - k] - mean);
            }
            r[k] = denominator > 0 ? sum / denominator : 0;
        }
        return r;
    }

    /** Intercept and slope of the least-squares line through (x0 + i, y[i]) for i in [0, count). */
    static double[] line(double[] y, int count, double x0) {
        double mx = x0 + (count - 1) / 2.0;
        double my = mean(y, 0, count);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < count; i++) {
            double dx = x0 + i - mx;
            sxy += dx * (y[i] - my);
            sxx += dx * dx;
        }
        double slope = sxx > 0 ? sxy / sxx : 0;
        return new double[] {my - slope * mx, slope};
    }
}
