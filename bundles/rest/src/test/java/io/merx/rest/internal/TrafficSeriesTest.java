package io.merx.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The console's last-hour series: per-minute counts, quantiles from the histogram, and an hour's memory only. */
class TrafficSeriesTest {

    private static final double[] BOUNDS = {0.001, 0.01, 0.1, 1};
    private static final long MS = 1_000_000;

    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private final TrafficSeries series = new TrafficSeries(BOUNDS, now::get);

    @Test
    void countsRequestsAndFailuresInTheMinuteTheyHappened() {
        for (int i = 0; i < 10; i++) {
            series.answered("m", "1", 5 * MS);
        }
        series.failed("m");
        now.addAndGet(TrafficSeries.MINUTE_MILLIS);
        series.answered("m", "1", 5 * MS);
        series.answered("m", "2", 5 * MS);

        List<TrafficSeries.Point> points = series.series("m", "1");
        assertEquals(TrafficSeries.MINUTES, points.size());
        TrafficSeries.Point previous = points.get(points.size() - 2);
        TrafficSeries.Point current = points.get(points.size() - 1);
        assertEquals(10, previous.requests());
        assertEquals(1, previous.errors());
        assertEquals(1, current.requests());
        assertEquals(0, current.errors());
        assertEquals(now.get() / 60_000 * 60, current.epochSecond());
        assertEquals(60, current.epochSecond() - previous.epochSecond());
        assertEquals(1, series.series("m", "2").get(TrafficSeries.MINUTES - 1).requests());
    }

    @Test
    void quantilesInterpolateInsideTheirBucket() {
        // 98 answers in (1 ms, 10 ms], 2 in (100 ms, 1 s]
        for (int i = 0; i < 98; i++) {
            series.answered("m", "1", 5 * MS);
        }
        series.answered("m", "1", 500 * MS);
        series.answered("m", "1", 500 * MS);
        TrafficSeries.Point point = series.series("m", "1").get(TrafficSeries.MINUTES - 1);
        // rank 50 of 98 in (1, 10]: 1 + 9 * 50 / 98
        assertEquals(1 + 9 * 50.0 / 98, point.p50Millis(), 1e-9);
        // rank 99: the first of the two in (100, 1000]: 100 + 900 * 1 / 2
        assertEquals(550, point.p99Millis(), 1e-9);
    }

    @Test
    void aMinuteWithoutAnswersHasNoQuantiles() {
        series.failed("m");
        TrafficSeries.Point point = series.series("m", "1").get(TrafficSeries.MINUTES - 1);
        assertEquals(0, point.requests());
        assertEquals(1, point.errors());
        assertNull(point.p50Millis());
        assertNull(point.p99Millis());
    }

    @Test
    void forgetsWhatIsOlderThanAnHourWhenItsSlotComesRound() {
        series.answered("m", "1", 5 * MS);
        now.addAndGet(TrafficSeries.MINUTES * TrafficSeries.MINUTE_MILLIS);
        series.answered("m", "1", 5 * MS);
        long total = series.series("m", "1").stream().mapToLong(TrafficSeries.Point::requests).sum();
        assertEquals(1, total);
        // an hour of silence later nothing is left, although no slot was overwritten
        now.addAndGet(TrafficSeries.MINUTES * TrafficSeries.MINUTE_MILLIS);
        assertEquals(0, series.series("m", "1").stream().mapToLong(TrafficSeries.Point::requests).sum());
    }

    @Test
    void slowerThanTheLastBoundReportsThatBound() {
        series.answered("m", "1", 5_000 * MS);
        assertEquals(1000, series.series("m", "1").get(TrafficSeries.MINUTES - 1).p99Millis(), 1e-9);
    }
}
