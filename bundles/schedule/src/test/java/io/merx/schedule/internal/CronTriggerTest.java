package io.merx.schedule.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class CronTriggerTest {

    @Test
    void nightlyFiresAtThreeUtcStrictlyAfterTheGivenTime() {
        CronTrigger nightly = CronTrigger.parse("0 3 * * *");
        assertEquals(Instant.parse("2026-03-02T03:00:00Z"), nightly.next(Instant.parse("2026-03-01T03:00:00Z")).get());
        assertEquals(Instant.parse("2026-03-01T03:00:00Z"), nightly.next(Instant.parse("2026-03-01T02:59:59Z")).get());
    }

    @Test
    void stepsAndDayOfWeekFollowUnixCron() {
        // 2026-03-01 is a Sunday; "1" is Monday in Unix cron.
        assertEquals(Instant.parse("2026-03-02T02:30:00Z"),
                CronTrigger.parse("30 2 * * 1").next(Instant.parse("2026-03-01T00:00:00Z")).get());
        assertEquals(Instant.parse("2026-03-01T06:00:00Z"),
                CronTrigger.parse("0 */6 * * *").next(Instant.parse("2026-03-01T00:00:00Z")).get());
    }

    @Test
    void badExpressionsNameTheFieldAndTheProblem() {
        IllegalArgumentException sixFields = assertThrows(IllegalArgumentException.class,
                () -> CronTrigger.parse("0 0 3 * * *"));
        assertTrue(sixFields.getMessage().startsWith("field 'cron' is not a valid cron expression '0 0 3 * * *'"),
                sixFields.getMessage());
        IllegalArgumentException hour = assertThrows(IllegalArgumentException.class,
                () -> CronTrigger.parse("0 25 * * *"));
        assertTrue(hour.getMessage().contains("25"), hour.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CronTrigger.parse("every night"));
    }
}
