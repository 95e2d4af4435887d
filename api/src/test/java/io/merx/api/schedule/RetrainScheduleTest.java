package io.merx.api.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.merx.api.events.EventType;

class RetrainScheduleTest {

    @Test
    void defaultsArePurchasesAndCartAddsAFifthHeldOutAndNoTolerance() {
        RetrainSchedule schedule = RetrainSchedule.of("recs", " 0 3 * * * ");
        assertEquals("0 3 * * *", schedule.cron());
        assertEquals(Set.of(EventType.PURCHASE, EventType.ADD_TO_CART), schedule.eventTypes());
        assertEquals(0.2, schedule.holdoutFraction());
        assertEquals(0, schedule.tolerance());
    }

    @Test
    void eachBadFieldIsNamed() {
        assertField("model", () -> RetrainSchedule.of(" ", "0 3 * * *"));
        assertField("cron", () -> RetrainSchedule.of("recs", ""));
        assertField("eventTypes", () -> new RetrainSchedule("recs", "0 3 * * *", Set.of(), 0.2, 0));
        assertField("eventTypes", () -> new RetrainSchedule("recs", "0 3 * * *", EnumSet.of(EventType.CUSTOM), 0.2, 0));
        assertField("holdoutFraction", () -> new RetrainSchedule("recs", "0 3 * * *", Set.of(EventType.VIEW), 0.95, 0));
        assertField("holdoutFraction",
                () -> new RetrainSchedule("recs", "0 3 * * *", Set.of(EventType.VIEW), Double.NaN, 0));
        assertField("tolerance", () -> new RetrainSchedule("recs", "0 3 * * *", Set.of(EventType.VIEW), 0.2, -0.1));
    }

    private static void assertField(String field, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith("field '" + field + "'"), e.getMessage());
    }
}
