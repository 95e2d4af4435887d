package io.merx.customers.internal.lifetime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PredictiveSimulationTest {

    private final LifetimeValue model = new LifetimeValue(new BgNbd(0.8, 6, 0.6, 2.5), new GammaGamma(6, 4, 15),
            26, 0);

    @Test
    void simulatedMeansMatchTheClosedForms() {
        RfmSummary customer = new RfmSummary(4, 30, 40, 22.5);
        double[][] sim = new PredictiveSimulation(model, 200_000).simulate(customer, 3);
        double purchases = Arrays.stream(sim[0]).average().orElseThrow();
        double value = Arrays.stream(sim[1]).average().orElseThrow();
        double expected = model.purchases().expectedPurchases(26, 4, 30, 40);
        assertEquals(expected, purchases, 0.01 * expected + 0.005);
        assertEquals(model.expectedValue(customer), value, 0.02 * model.expectedValue(customer));
    }

    @Test
    void intervalsContainTheExpectationAndWidenWithTheLevel() {
        RfmSummary customer = new RfmSummary(6, 38, 40, 30);
        PredictiveSimulation simulation = new PredictiveSimulation(model, 5_000);
        CustomerOutlook o80 = simulation.outlook(customer, 0.8, 1);
        CustomerOutlook o95 = simulation.outlook(customer, 0.95, 1);
        assertTrue(o80.purchasesLower() <= o80.expectedPurchases() && o80.expectedPurchases() <= o80.purchasesUpper(),
                o80.toString());
        assertTrue(o95.purchasesLower() <= o80.purchasesLower() && o95.purchasesUpper() >= o80.purchasesUpper());
        assertTrue(o95.valueUpper() >= o80.valueUpper() && o80.valueUpper() > o80.valueLower());
        assertEquals(o80, simulation.outlook(customer, 0.8, 1), "same seed, same intervals");
    }

    @Test
    void refusesARequestWhoseSimulationWouldNotEndInReasonableTime() {
        RfmSummary frantic = new RfmSummary(1_000_000, 1, 1, 10);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new PredictiveSimulation(model, 2_000).outlook(frantic, 0.8, 1));
        assertTrue(e.getMessage().contains("horizon"), e.getMessage());
    }

    @Test
    void discountingLowersTheValueByAboutTheMidHorizonFactor() {
        RfmSummary customer = new RfmSummary(6, 38, 40, 30);
        LifetimeValue discounted = new LifetimeValue(model.purchases(), model.spend(), 26, 0.01);
        double ratio = discounted.expectedValue(customer) / model.expectedValue(customer);
        assertTrue(ratio < 1 && ratio > Math.pow(1.01, -26), "ratio " + ratio);
    }
}
