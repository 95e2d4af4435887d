package io.merx.runtime.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.merx.api.runtime.JobState;
import io.merx.api.runtime.TrainingJob;

class JobTimesTest {

    private static final Instant START = Instant.parse("2026-12-02T10:15:30Z");

    @Test
    void durationsAreShortAndComparable() {
        assertEquals("850 ms", JobTimes.duration(Duration.ofMillis(850)));
        assertEquals("12.4 s", JobTimes.duration(Duration.ofMillis(12_400)));
        assertEquals("3 min 05 s", JobTimes.duration(Duration.ofSeconds(185)));
        assertEquals("2 h 01 min", JobTimes.duration(Duration.ofSeconds(7_260)));
    }

    @Test
    void aFinishedJobTookFinishMinusStart() {
        TrainingJob job = job(START, START.plusSeconds(42));
        assertEquals("2026-12-02 10:15:30", JobTimes.started(job, ZoneOffset.UTC));
        assertEquals("42.0 s", JobTimes.took(job, START.plusSeconds(3_600)));
    }

    @Test
    void aRunningJobHasTakenTheTimeSoFar() {
        assertEquals("1 min 30 s", JobTimes.took(job(START, null), START.plusSeconds(90)));
    }

    @Test
    void aQueuedJobHasNoTimesYet() {
        TrainingJob queued = job(null, null);
        assertEquals("-", JobTimes.started(queued, ZoneOffset.UTC));
        assertEquals("-", JobTimes.took(queued, START));
    }

    private static TrainingJob job(Instant started, Instant finished) {
        return new TrainingJob() {
            public long id() { return 1; }
            public String model() { return "m"; }
            public String kind() { return "k"; }
            public JobState state() { return finished == null ? JobState.RUNNING : JobState.SUCCEEDED; }
            public Optional<Instant> startedAt() { return Optional.ofNullable(started); }
            public Optional<Instant> finishedAt() { return Optional.ofNullable(finished); }
            public double progress() { return 0; }
            public String message() { return ""; }
            public Optional<String> resultVersion() { return Optional.empty(); }
            public void cancel() { }
            public boolean await(Duration timeout) { return true; }
        };
    }
}
