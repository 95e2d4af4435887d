package io.merx.experiments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class MsprtTest {

    @Test
    void matchesTheMixtureLikelihoodRatioComputedByHand() {
        // pA = 0.10, pB = 0.15, Δ = 0.05, s² = 0.09/1000 + 0.1275/1000 = 0.0002175, τ² = 0.0001:
        // Λ = sqrt(0.0002175/0.0003175) · exp(0.0001 · 0.0025 / (2 · 0.0002175 · 0.0003175))
        //   = 0.827671 · exp(1.810124) = 5.058040, p = 1/Λ = 0.197705;
        // half width = sqrt(0.0002175 · 0.0003175 / 0.0001 · (2 ln 20 + ln(0.0003175/0.0002175))) = 0.066323
        Msprt.Look look = Msprt.look(1000, 100, 1000, 150, 1e-4, 0.05);
        assertEquals(0.05, look.difference(), 1e-12);
        assertEquals(0.0002175, look.variance(), 1e-12);
        assertEquals(0.197705, look.pValue(), 1e-6);
        assertEquals(-0.016323, look.low(), 1e-6);
        assertEquals(0.116323, look.high(), 1e-6);
    }

    @Test
    void unequalArmsUseEachArmsOwnVarianceAndThePValueNeverExceedsOne() {
        // pA = 0.05 of 2000, pB = 0.06 of 500: s² = 0.0475/2000 + 0.0564/500 = 0.00013655, Λ = 0.886974 < 1
        Msprt.Look look = Msprt.look(2000, 100, 500, 30, 1e-4, 0.05);
        assertEquals(0.00013655, look.variance(), 1e-12);
        assertEquals(1.0, look.pValue(), 0);
        assertEquals(-0.035965, look.low(), 1e-6);
        assertEquals(0.055965, look.high(), 1e-6);
    }

    @Test
    void withoutDataOrWithoutSpreadItSaysNothing() {
        assertEquals(1.0, Msprt.look(0, 0, 10, 1, 1e-4, 0.05).pValue(), 0);
        Msprt.Look none = Msprt.look(1000, 0, 1000, 0, 1e-4, 0.05);
        assertEquals(1.0, none.pValue(), 0);
        assertEquals(-1.0, none.low(), 0);
        assertEquals(1.0, none.high(), 0);
        assertThrows(IllegalArgumentException.class, () -> Msprt.look(10, 11, 10, 1, 1e-4, 0.05));
        assertThrows(IllegalArgumentException.class, () -> Msprt.look(10, 1, 10, 1, 0, 0.05));
    }

    @Test
    void theRunningPValueNeverIncreasesAndTheIntervalOnlyShrinks() {
        Random random = new Random(7);
        Msprt.Running running = Msprt.Running.START;
        long nA = 0, sA = 0, nB = 0, sB = 0;
        for (int look = 0; look < 200; look++) {
            for (int i = 0; i < 100; i++) {
                nA++;
                nB++;
                sA += random.nextDouble() < 0.10 ? 1 : 0;
                sB += random.nextDouble() < 0.11 ? 1 : 0;
            }
            Msprt.Running next = Msprt.next(running, Msprt.look(nA, sA, nB, sB, 1e-4, 0.05));
            assertTrue(next.pValue() <= running.pValue(), "p-value rose at look " + look);
            assertTrue(next.low() >= running.low() && next.high() <= running.high(), "interval grew at look " + look);
            running = next;
        }
    }

    @Test
    void theIntervalExcludesZeroExactlyWhenTheLookRejects() {
        Random random = new Random(11);
        for (int i = 0; i < 500; i++) {
            long n = 500 + random.nextInt(5000);
            long sA = random.nextInt((int) n / 5);
            long sB = random.nextInt((int) n / 5);
            Msprt.Look look = Msprt.look(n, sA, n, sB, 1e-4, 0.05);
            boolean excludesZero = look.low() > 0 || look.high() < 0;
            assertEquals(look.pValue() <= 0.05, excludesZero, "n=" + n + " sA=" + sA + " sB=" + sB);
        }
    }
}
