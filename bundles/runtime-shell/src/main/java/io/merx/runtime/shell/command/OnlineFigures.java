package io.merx.runtime.shell.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.merx.api.events.Proportion;
import io.merx.api.events.VersionMetrics;

/** The lines {@code model:info} prints for a version's online metrics, one per route that served it. */
final class OnlineFigures {

    private OnlineFigures() {
    }

    static List<String> lines(List<VersionMetrics> metrics, String version) {
        List<String> lines = new ArrayList<>();
        for (VersionMetrics m : metrics) {
            if (!m.version().equals(version)) {
                continue;
            }
            lines.add(String.format(Locale.ROOT, "Online       %s: %d impressions, %d clicks, %d add to cart,"
                    + " %d purchases, revenue %.2f", m.route(), m.impressions(), m.clicks(), m.addToCarts(),
                    m.conversions(), m.revenue()));
            lines.add("             CTR " + percent(m.ctr()) + ", conversion " + percent(m.conversionRate())
                    + " (95 % Wilson intervals)");
        }
        return lines;
    }

    private static String percent(Proportion p) {
        return String.format(Locale.ROOT, "%.2f %% [%.2f, %.2f]", 100 * p.rate(), 100 * p.low(), 100 * p.high());
    }
}
