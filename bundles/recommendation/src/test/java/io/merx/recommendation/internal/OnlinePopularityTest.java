package io.merx.recommendation.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.merx.recommendation.internal.OnlinePopularity.Trending;

class OnlinePopularityTest {

    private static final long HOUR = 3_600_000L;

    @Test
    void countsHalveEachHalfLifeAndTheNewestActivityLeads() {
        OnlinePopularity popularity = new OnlinePopularity(HOUR, 10);
        for (int i = 0; i < 4; i++) {
            popularity.add("old", 0);
        }
        popularity.add("new", 2 * HOUR);
        popularity.add("new", 2 * HOUR);
        Trending top = popularity.top(2 * HOUR);
        assertArrayEquals(new String[] {"new", "old"}, top.items(), "2 views now beat 4 two half-lives ago (= 1)");
        assertEquals(2.0, top.counts()[0], 1e-5);
        assertEquals(1.0, top.counts()[1], 1e-5);
        assertEquals(0.5, top.factor(3 * HOUR), 1e-6, "read an hour after publishing, counts are worth half");
    }

    @Test
    void yearsOfHalfLivesNeitherOverflowNorLoseTheOrder() {
        OnlinePopularity popularity = new OnlinePopularity(HOUR, 3);
        long t = 0;
        for (int day = 0; day < 400; day++) {
            t = day * 24 * HOUR;
            popularity.add("daily", t);
        }
        popularity.add("burst", t);
        popularity.add("burst", t);
        for (int i = 0; i < 100; i++) {
            popularity.add("tail-" + i, t - 10 * HOUR); // more items than tracked: the smallest are forgotten
        }
        Trending top = popularity.top(t);
        assertEquals("burst", top.items()[0]);
        assertEquals("daily", top.items()[1]);
        for (float count : top.counts()) {
            assertTrue(Float.isFinite(count) && count >= 0, "count " + count);
        }
        assertEquals(2.0, top.counts()[0], 1e-4);
    }
}
