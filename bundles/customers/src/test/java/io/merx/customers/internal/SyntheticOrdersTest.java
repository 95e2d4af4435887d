package io.merx.customers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SyntheticOrdersTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    @Test
    void sameSeedSameData() {
        assertEquals(SyntheticOrders.generate(300, START, 365, 5).dataset().fingerprint(),
                SyntheticOrders.generate(300, START, 365, 5).dataset().fingerprint());
    }

    @Test
    void groupsDifferAsDescribed() {
        SyntheticOrders shop = SyntheticOrders.generate(3_000, START, 730, 11);
        CustomerHistories histories = CustomerHistories.from(shop.dataset(), OrderColumns.DEFAULT);
        assertEquals(3_000, histories.size(), "every customer orders at least once");
        Map<String, double[]> byGroup = new HashMap<>(); // orders, spend, customers, alive at end
        for (CustomerHistory h : histories.customers()) {
            SyntheticOrders.Truth t = shop.truth(h.customer());
            double[] s = byGroup.computeIfAbsent(t.group(), g -> new double[4]);
            s[0] += h.orderCount();
            s[1] += h.meanOrderAmount();
            s[2]++;
            s[3] += t.aliveAt(shop.endDay()) ? 1 : 0;
        }
        double[] loyal = byGroup.get("loyal");
        double[] bargain = byGroup.get("bargain");
        double[] bigTicket = byGroup.get("big-ticket");
        double[] lapsing = byGroup.get("lapsing");
        assertTrue(loyal[0] / loyal[2] > 3 * bargain[0] / bargain[2], "loyal customers order far more often");
        assertTrue(bigTicket[1] / bigTicket[2] > 4 * bargain[1] / bargain[2], "big-ticket orders are larger");
        assertTrue(lapsing[3] / lapsing[2] < 0.5 * loyal[3] / loyal[2], "lapsing customers churn");
    }

    @Test
    void truthMatchesTheData() {
        SyntheticOrders shop = SyntheticOrders.generate(500, START, 365, 3);
        CustomerHistories histories = CustomerHistories.from(shop.dataset(), OrderColumns.DEFAULT);
        for (CustomerHistory h : histories.customers()) {
            SyntheticOrders.Truth t = shop.truth(h.customer());
            assertEquals(t.firstDay(), h.firstDay());
            assertTrue(h.lastDay() < t.dropoutDay(), "no order after dropping out");
        }
        assertEquals(START.plusDays(364).toEpochDay(), shop.endDay());
    }
}
