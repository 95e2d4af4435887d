package io.merx.customers.internal.segments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Puts a segment into words. The label reads the centroid's z-scores: a base feature half a standard deviation
 * or more from the mean of all customers earns a word (frequent/occasional, recent/lapsed, high/low value,
 * long-standing/new), and a category whose share is a standard deviation above the mean makes them "mostly
 * &lt;category&gt; buyers"; a centroid near the mean on everything is "average". The description gives the
 * segment's medians in the data's units.
 */
final class SegmentNamer {

    static final double WORD_THRESHOLD = 0.5;
    static final double CATEGORY_THRESHOLD = 1.0;

    private SegmentNamer() {
    }

    static String label(double[] centroid, Scaler scaler, List<String> categories) {
        List<String> words = new ArrayList<>();
        word(words, scaler.zScore(centroid, 1), "frequent", "occasional");
        word(words, -scaler.zScore(centroid, 0), "recent", "lapsed");
        word(words, scaler.zScore(centroid, 2), "high value", "low value");
        word(words, scaler.zScore(centroid, 3), "long-standing", "new");
        int top = -1;
        for (int c = 0; c < categories.size(); c++) {
            double z = scaler.zScore(centroid, RfmFeatures.BASE_COUNT + c);
            if (z >= CATEGORY_THRESHOLD && (top < 0 || z > scaler.zScore(centroid, RfmFeatures.BASE_COUNT + top))) {
                top = c;
            }
        }
        if (top >= 0) {
            words.add("mostly " + categories.get(top));
        }
        return words.isEmpty() ? "average" : String.join(", ", words);
    }

    private static void word(List<String> words, double z, String high, String low) {
        if (z >= WORD_THRESHOLD) {
            words.add(high);
        } else if (z <= -WORD_THRESHOLD) {
            words.add(low);
        }
    }

    /** Labels made unique: a repeated label gets its segment id. */
    static List<String> unique(List<String> labels) {
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        for (String label : labels) {
            if (!seen.add(label)) {
                repeated.add(label);
            }
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            result.add(repeated.contains(label) ? label + " (segment " + (i + 1) + ")" : label);
        }
        return result;
    }

    /** "412 customers (21%); typically: last order 23 days ago, 9 orders of 81.50 on average, ...". */
    static String description(List<double[]> members, int total, List<String> categories) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%d customers (%.0f%%); typically: last"
                + " order %.0f days ago, %.0f orders of %.2f on average, customer for %.0f days", members.size(),
                100.0 * members.size() / total, median(members, 0), median(members, 1), median(members, 2),
                median(members, 3)));
        int top = -1;
        double topShare = 0;
        for (int c = 0; c < categories.size(); c++) {
            double share = mean(members, RfmFeatures.BASE_COUNT + c);
            if (share > topShare) {
                top = c;
                topShare = share;
            }
        }
        if (top >= 0) {
            text.append(String.format(Locale.ROOT, "; %.0f%% of spend on %s", 100 * topShare, categories.get(top)));
        }
        return text.toString();
    }

    private static double median(List<double[]> rows, int j) {
        double[] values = new double[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = rows.get(i)[j];
        }
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static double mean(List<double[]> rows, int j) {
        double sum = 0;
        for (double[] row : rows) {
            sum += row[j];
        }
        return sum / rows.size();
    }
}
