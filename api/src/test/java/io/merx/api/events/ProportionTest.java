package io.merx.api.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProportionTest {

    /** Newcombe (1998), "Two-sided confidence intervals for the single proportion", Stat Med 17:857, method 3. */
    @Test
    void wilsonIntervalsMatchNewcombesPublishedExamples() {
        assertInterval(Proportion.wilson(81, 263), 0.2553, 0.3662);
        assertInterval(Proportion.wilson(15, 148), 0.0624, 0.1605);
        assertInterval(Proportion.wilson(0, 20), 0.0, 0.1611);
        assertInterval(Proportion.wilson(1, 29), 0.0061, 0.1718);
    }

    @Test
    void noSuccessesOutOfNHasTheClosedFormUpperBound() {
        double z2 = Proportion.Z95 * Proportion.Z95;
        assertEquals(z2 / (10 + z2), Proportion.wilson(0, 10).high(), 1e-12);
    }

    @Test
    void withoutTrialsTheRateIsUnknown() {
        Proportion none = Proportion.wilson(0, 0);
        assertEquals(0, none.rate());
        assertEquals(0, none.low());
        assertEquals(1, none.high());
    }

    @Test
    void moreSuccessesThanTrialsAreCappedInTheInterval() {
        Proportion p = Proportion.wilson(12, 10);
        assertEquals(12, p.successes());
        assertEquals(1.0, p.rate());
        assertEquals(1.0, p.high());
    }

    private static void assertInterval(Proportion p, double low, double high) {
        assertEquals(low, p.low(), 5e-5, "low of " + p);
        assertEquals(high, p.high(), 5e-5, "high of " + p);
    }
}
