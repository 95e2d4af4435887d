package io.merx.runtime.shell.command;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.merx.api.runtime.TrainingJob;

/** How {@code model:jobs} shows when a job started and how long it took (or has taken so far). */
final class JobTimes {

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private JobTimes() {
    }

    /** The start in the server's time zone, or "-" while the job is queued. */
    static String started(TrainingJob job, ZoneId zone) {
        return job.startedAt().map(at -> STARTED.format(at.atZone(zone))).orElse("-");
    }

    /** Finish minus start; for a running job, the time so far; "-" while queued. */
    static String took(TrainingJob job, Instant now) {
        return job.startedAt()
                .map(start -> duration(Duration.between(start, job.finishedAt().orElse(now))))
                .orElse("-");
    }

    /** "850 ms", "12.4 s", "3 min 05 s", "2 h 01 min": short, and exact enough to compare runs. */
    static String duration(Duration d) {
        long millis = Math.max(0, d.toMillis());
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3_600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3_600, seconds % 3_600 / 60);
    }
}
