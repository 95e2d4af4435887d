package io.merx.customers.internal.propensity;

import java.util.Locale;

/** A reason code in words: what the customer's value is, against the average, and which way it pushed. */
final class ReasonText {

    private ReasonText() {
    }

    static String describe(String feature, double value, double average, double contribution, String target) {
        String direction = contribution >= 0 ? "raises" : "lowers";
        return what(feature, value, average) + " " + direction + " the " + target + " probability";
    }

    private static String what(String feature, double v, double avg) {
        if (feature.startsWith(BehaviourFeatures.SHARE)) {
            String category = feature.substring(BehaviourFeatures.SHARE.length());
            return f("%.0f%% of spend on %s (average %.0f%%)", 100 * v, category, 100 * avg);
        }
        return switch (feature) {
            case "recencyDays" -> f("last order %.0f days ago (average %.0f)", v, avg);
            case "orders30" -> f("%.0f orders in the last 30 days (average %.1f)", v, avg);
            case "orders90" -> f("%.0f orders in the last 90 days (average %.1f)", v, avg);
            case "orders365" -> f("%.0f orders in the last 365 days (average %.1f)", v, avg);
            case "monetaryTotal" -> f("spent %.2f in total (average %.2f)", v, avg);
            case "monetaryMean" -> f("%.2f per order (average %.2f)", v, avg);
            case "tenureDays" -> f("%.0f days from first to last order (average %.0f)", v, avg);
            case "daysSinceFirst" -> f("first order %.0f days ago (average %.0f)", v, avg);
            case "interPurchaseMean" -> f("%.0f days between orders (average %.0f)", v, avg);
            case "interPurchaseStd" -> f("gaps between orders vary by %.0f days (average %.0f)", v, avg);
            case "overdue" -> f("%.1f usual gaps since the last order (average %.1f)", v, avg);
            case "trend" -> f("order trend %+.2f, last half-year against the one before (average %+.2f)", v, avg);
            default -> f("%s = %.3f (average %.3f)", feature, v, avg);
        };
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
