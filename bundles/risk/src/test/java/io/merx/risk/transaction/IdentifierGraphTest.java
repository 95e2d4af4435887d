package io.merx.risk.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class IdentifierGraphTest {

    /** A-B share a card, B-C a device, C is fraud; D uses a hub address with everyone. */
    private static IdentifierGraph graph() {
        List<IdentifierGraph.Use> uses = List.of(new IdentifierGraph.Use("A", "card", "k1"),
                new IdentifierGraph.Use("B", "card", "k1"), new IdentifierGraph.Use("B", "device", "d1"),
                new IdentifierGraph.Use("C", "device", "d1"), new IdentifierGraph.Use("A", "address", "hub"),
                new IdentifierGraph.Use("B", "address", "hub"), new IdentifierGraph.Use("C", "address", "hub"),
                new IdentifierGraph.Use("D", "address", "hub"));
        return IdentifierGraph.of(uses, Set.of("C"), 3);
    }

    @Test
    void distanceToFraudWalksSharedIdentifiersButNotHubs() {
        IdentifierGraph.Features a = graph().features("A", new String[] {"k1", null, "hub", null});
        assertEquals(new IdentifierGraph.Features(1, 1, 3, 1, 2), a);
        IdentifierGraph.Features d = graph().features("D", new String[] {null, null, "hub", null});
        assertEquals(new IdentifierGraph.Features(0, 0, 1, 0, -1), d, "a hub links nothing");
    }

    @Test
    void anAccountsOwnFraudFlagIsNeverCounted() {
        IdentifierGraph.Features c = graph().features("C", new String[] {null, "d1", null, null});
        assertEquals(0, c.ringFraudAccounts());
        assertEquals(-1, c.hopsToFraud(), "C's only route to fraud is itself");
    }

    @Test
    void aNewAccountJoinsTheRingOfTheCardItUses() {
        IdentifierGraph.Features fresh = graph().features("new", new String[] {"k1", "d-new", null, null});
        assertEquals(new IdentifierGraph.Features(1, 2, 4, 1, 2), fresh);
    }
}
