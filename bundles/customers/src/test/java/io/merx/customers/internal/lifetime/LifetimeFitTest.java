package io.merx.customers.internal.lifetime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LifetimeFitTest {

    private static final BgNbd TRUE_BG = new BgNbd(0.8, 6, 0.6, 2.5);
    private static final GammaGamma TRUE_GG = new GammaGamma(6, 4, 15);

    @Test
    void recoversBgNbdAndGammaGammaFromDataSimulatedWithKnownParameters() {
        List<RfmSummary> data = Simulated.customers(TRUE_BG, TRUE_GG, 20_000, 20, 60, 0, 5).stream()
                .map(c -> c.summary(c.age())).toList();
        BgNbd bg = LifetimeFit.bgNbd(data);
        assertEquals(TRUE_BG.r(), bg.r(), 0.1 * TRUE_BG.r(), bg.toString());
        assertEquals(TRUE_BG.alpha(), bg.alpha(), 0.15 * TRUE_BG.alpha(), bg.toString());
        assertEquals(TRUE_BG.a(), bg.a(), 0.2 * TRUE_BG.a(), bg.toString());
        assertEquals(TRUE_BG.b(), bg.b(), 0.25 * TRUE_BG.b(), bg.toString());
        // The fit is the maximum: the truth does not score higher on the same data.
        double fitted = data.stream().mapToDouble(c -> bg.logLikelihood(c.x(), c.tx(), c.age())).sum();
        double truth = data.stream().mapToDouble(c -> TRUE_BG.logLikelihood(c.x(), c.tx(), c.age())).sum();
        assertTrue(fitted >= truth, fitted + " < " + truth);

        GammaGamma gg = LifetimeFit.gammaGamma(data);
        double trueMean = TRUE_GG.p() * TRUE_GG.gamma() / (TRUE_GG.q() - 1);
        assertEquals(trueMean, gg.p() * gg.gamma() / (gg.q() - 1), 0.05 * trueMean, gg.toString());
        assertEquals(TRUE_GG.p(), gg.p(), 0.15 * TRUE_GG.p(), gg.toString());
        assertEquals(TRUE_GG.q(), gg.q(), 0.2 * TRUE_GG.q(), gg.toString());
    }

    @Test
    void refusesDataWithoutRepeatPurchases() {
        List<RfmSummary> none = List.of(new RfmSummary(0, 0, 10, 0), new RfmSummary(0, 0, 5, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LifetimeFit.bgNbd(none));
        assertTrue(e.getMessage().contains("repeat"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LifetimeFit.gammaGamma(none));
    }
}
