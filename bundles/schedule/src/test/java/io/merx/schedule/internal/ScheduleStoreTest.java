package io.merx.schedule.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.events.EventType;
import io.merx.api.schedule.RetrainOutcome;
import io.merx.api.schedule.RetrainReport;
import io.merx.api.schedule.RetrainSchedule;

class ScheduleStoreTest {

    @TempDir
    Path directory;

    @Test
    void schedulesAndReportsSurviveAReload() throws Exception {
        RetrainSchedule schedule = new RetrainSchedule("recs", "0 3 * * *", Set.of(EventType.PURCHASE), 0.1, 0.002);
        RetrainReport kept = new RetrainReport("recs", Instant.parse("2026-03-02T03:00:00Z"),
                Instant.parse("2026-03-02T03:01:10Z"), RetrainOutcome.KEPT_LIVE, "3", "4", RetrainReport.METRIC, 0.21,
                0.25, 0.3, 0.35, 800, 200, 57, Instant.parse("2026-03-01T20:00:00Z"), "candidate 4 is worse");
        RetrainReport failed = new RetrainReport("recs", Instant.parse("2026-03-01T03:00:00Z"),
                Instant.parse("2026-03-01T03:00:01Z"), RetrainOutcome.FAILED, "3", null, RetrainReport.METRIC,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0, null, "too few events");
        Map<String, ScheduleStore.Entry> entries = new TreeMap<>();
        entries.put("recs", new ScheduleStore.Entry(schedule, List.of(kept, failed)));
        entries.put("other", new ScheduleStore.Entry(RetrainSchedule.of("other", "*/5 * * * *"), List.of()));
        new ScheduleStore(directory).save(entries);

        Map<String, ScheduleStore.Entry> reloaded = new ScheduleStore(directory).load();
        assertEquals(entries, reloaded);
        assertTrue(Double.isNaN(reloaded.get("recs").reports().get(1).liveValue()));
        assertFalse(Files.exists(directory.resolve(ScheduleStore.FILE + ".tmp")), "no partial file left behind");
    }

    @Test
    void anEmptyDirectoryHasNoSchedules() throws Exception {
        assertTrue(new ScheduleStore(directory.resolve("absent")).load().isEmpty());
    }
}
