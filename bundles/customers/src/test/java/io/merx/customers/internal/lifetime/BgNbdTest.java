package io.merx.customers.internal.lifetime;

import static org.apache.commons.math3.special.Gamma.logGamma;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BgNbdTest {

    /** CDNow's published estimates (Fader, Hardie and Lee 2005, weeks): r, alpha, a, b. */
    private static final BgNbd CDNOW = new BgNbd(0.243, 4.414, 0.793, 2.426);

    @Test
    void logLikelihoodMatchesTheEquationWrittenOutByHand() {
        BgNbd m = new BgNbd(0.5, 2.0, 0.7, 3.0);
        // x = 0: B(a, b)/B(a, b) cancels, leaving Gamma(r+0)/Gamma(r) alpha^r / (alpha+T)^r.
        assertEquals(0.5 * Math.log(2.0) - 0.5 * Math.log(2.0 + 10), m.logLikelihood(0, 0, 10), 1e-12);
        // x = 2, tx = 4, T = 10, written as the sum of the two cases of equation (6) in probability space.
        double common = Math.exp(logGamma(2.5) - logGamma(0.5)) * Math.pow(2.0, 0.5);
        double beta = Math.exp(logBeta(0.7, 5.0) - logBeta(0.7, 3.0));
        double alive = beta * Math.pow(12.0, -2.5);
        double dead = Math.exp(logBeta(1.7, 4.0) - logBeta(0.7, 3.0)) * Math.pow(6.0, -2.5);
        assertEquals(Math.log(common * (alive + dead)), m.logLikelihood(2, 4, 10), 1e-12);
    }

    @Test
    void cdnowCustomerFromThePaper() {
        // Fader, Hardie and Lee's worked example (x = 2, tx = 30.43, T = 38.86 weeks): E[Y(39)] = 1.226.
        assertEquals(1.226, CDNOW.expectedPurchases(39, 2, 30.43, 38.86), 1e-3);
        // And the population: 1.473 repeat purchases in 78 weeks... E[X(78)] for a customer who joined at 0.
        assertTrue(CDNOW.expectedPurchases(78, 0, 0, 0) > 1.2);
    }

    @Test
    void bothSeriesAgreeWhereTheyMeet() {
        // w = t / (alpha + T) = 0.5 is where the alternating series hands over to the direct one.
        double t = 0.5 * (CDNOW.alpha() + 20);
        double below = CDNOW.expectedPurchases(t * (1 - 1e-9), 3, 15, 20);
        double above = CDNOW.expectedPurchases(t * (1 + 1e-9), 3, 15, 20);
        assertEquals(below, above, 1e-7);
    }

    @Test
    void exactAtAEqualToOneWhereTheTextbookFormDividesByZero() {
        BgNbd near = new BgNbd(0.5, 3, 1 + 1e-9, 2);
        BgNbd at = new BgNbd(0.5, 3, 1, 2);
        assertEquals(near.expectedPurchases(10, 2, 5, 8), at.expectedPurchases(10, 2, 5, 8), 1e-6);
        assertTrue(Double.isFinite(at.expectedPurchases(100, 2, 5, 8)));
    }

    @Test
    void populationExpectationMatchesMonteCarloOfTheModel() {
        BgNbd m = new BgNbd(0.8, 6, 0.6, 2.5);
        GammaGamma spend = new GammaGamma(6, 4, 15);
        List<Simulated.Customer> customers = Simulated.customers(m, spend, 100_000, 30, 30, 0, 11);
        double mean = customers.stream().mapToInt(c -> c.purchasesBetween(0, 30)).average().orElseThrow();
        assertEquals(m.expectedPurchases(30, 0, 0, 0), mean, 0.02);
    }

    @Test
    void conditionalExpectationMatchesMonteCarloOfCustomersSilentUntilT() {
        // Customers with no purchase in (0, 20]: their purchases in (20, 45] on average, against equation (10).
        BgNbd m = new BgNbd(0.8, 6, 0.6, 2.5);
        List<Simulated.Customer> customers = Simulated.customers(m, new GammaGamma(6, 4, 15), 200_000, 20, 20, 25,
                12);
        double mean = customers.stream().filter(c -> c.purchasesBetween(0, 20) == 0)
                .mapToInt(c -> c.purchasesBetween(20, 45)).average().orElseThrow();
        assertEquals(m.expectedPurchases(25, 0, 0, 20), mean, 0.01);
    }

    @Test
    void probabilityAliveFallsWithTimeSinceTheLastPurchase() {
        double recent = CDNOW.probabilityAlive(4, 30, 32);
        double lapsed = CDNOW.probabilityAlive(4, 5, 32);
        assertTrue(recent > 0.8 && lapsed < recent, recent + " vs " + lapsed);
        assertEquals(1.0, CDNOW.probabilityAlive(0, 0, 32));
    }

    @Test
    void refusesInvalidParameters() {
        assertThrows(IllegalArgumentException.class, () -> new BgNbd(0, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> CDNOW.expectedPurchases(-1, 0, 0, 1));
    }

    private static double logBeta(double a, double b) {
        return logGamma(a) + logGamma(b) - logGamma(a + b);
    }
}
