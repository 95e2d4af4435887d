package io.merx.runtime.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.merx.api.events.Proportion;
import io.merx.api.events.VersionMetrics;

class OnlineFiguresTest {

    private static VersionMetrics metrics(String version, String route, long impressions, long clicks,
            long purchases, double revenue) {
        return new VersionMetrics("recs", version, route, impressions, 0, clicks, 0, purchases, revenue,
                Proportion.wilson(clicks, impressions), Proportion.wilson(purchases, impressions));
    }

    @Test
    void showsEachRouteOfTheVersionWithWilsonIntervalsInPercent() {
        List<String> lines = OnlineFigures.lines(List.of(metrics("1", "live", 100, 99, 0, 0),
                metrics("2", "canary", 263, 81, 15, 1234.5), metrics("2", "pinned", 20, 0, 0, 0)), "2");
        // 81 of 263: Newcombe (1998) gives 25.53 % to 36.62 %; 0 of 20: 0 to 16.11 %
        assertEquals(List.of(
                "Online       canary: 263 impressions, 81 clicks, 0 add to cart, 15 purchases, revenue 1234.50",
                "             CTR 30.80 % [25.53, 36.62], conversion 5.70 % [3.49, 9.20] (95 % Wilson intervals)",
                "Online       pinned: 20 impressions, 0 clicks, 0 add to cart, 0 purchases, revenue 0.00",
                "             CTR 0.00 % [0.00, 16.11], conversion 0.00 % [0.00, 16.11] (95 % Wilson intervals)"),
                lines);
    }

    @Test
    void aVersionWithoutTrafficHasNoLines() {
        assertEquals(List.of(), OnlineFigures.lines(List.of(metrics("1", "live", 5, 1, 0, 0)), "3"));
    }
}
