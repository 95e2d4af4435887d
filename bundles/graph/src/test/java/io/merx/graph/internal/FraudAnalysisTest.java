package io.merx.graph.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The ring logic without a database: components, hubs, hops to other known fraud. */
class FraudAnalysisTest {

    private static final FraudModel.Weights WEIGHTS = new FraudModel.Weights(4, 1, 1, 4, 6);

    @Test
    void ringsHubsAndHopsToOtherFraud() {
        // a-b share a device, b-c a card: one ring of three; d and e share only a hub IP with a.
        String[] accounts = {"a", "b", "c", "d", "e"};
        boolean[] fraud = {true, false, false, false, true};
        List<FraudAnalysis.Use> uses = List.of(
                new FraudAnalysis.Use("a", "device", "D1"), new FraudAnalysis.Use("b", "device", "D1"),
                new FraudAnalysis.Use("b", "card", "K1"), new FraudAnalysis.Use("c", "card", "K1"),
                new FraudAnalysis.Use("a", "ip", "hub"), new FraudAnalysis.Use("d", "ip", "hub"),
                new FraudAnalysis.Use("e", "ip", "hub"));
        FraudModel model = FraudAnalysis.build(WEIGHTS, 7, 2, accounts, fraud, uses, Map.of("c", new long[] {10, 11}));
        int ring = model.accountComponent[0];
        assertEquals(ring, model.accountComponent[1]);
        assertEquals(ring, model.accountComponent[2]);
        assertNotEquals(ring, model.accountComponent[3], "a hub (3 accounts > 2) links nothing");
        assertEquals(3, model.componentSize[ring]);
        assertEquals(2, model.componentRecentOrders[ring]);
        assertEquals(1, model.hops[1]);
        assertEquals(2, model.hops[2]);
        assertEquals(-1, model.hops[0], "a's only fraud neighbour is itself");
        assertEquals(-1, model.hops[3]);
        assertTrue(model.hub(model.identifier("ip", "hub")));
        assertTrue(model.risk(3, 0.3, 1, false) > model.risk(1, 0, -1, false));
    }

    @Test
    void pairCountsCountEachPairOncePerBasket() {
        PairCounts counts = PairCounts.count(4, List.of(new int[] {0, 1, 2}, new int[] {0, 1}, new int[] {3}));
        assertEquals(3, counts.pairs());
        assertEquals(2, counts.single[0]);
        int[] ab = new int[1];
        counts.forEach((a, b, n) -> {
            if (a == 0 && b == 1) {
                ab[0] = n;
            }
        });
        assertEquals(2, ab[0]);
    }
}
