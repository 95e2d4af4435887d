package io.merx.schedule.internal;

import java.nio.file.Path;
import java.time.Duration;

/** The checked configuration of the scheduler. */
record ScheduleSettings(Path directory, int minEvents, int minEvaluatedUsers, int maxEvaluatedUsers,
        Duration trainTimeout, int maxReports) {

    static final int DEFAULT_MIN_EVENTS = 50;
    static final int DEFAULT_MIN_EVALUATED_USERS = 5;
    static final int DEFAULT_MAX_EVALUATED_USERS = 5_000;
    static final long DEFAULT_TRAIN_TIMEOUT_MINUTES = 60;
    static final int DEFAULT_MAX_REPORTS = 20;

    ScheduleSettings {
        positive("minEvents", minEvents);
        positive("minEvaluatedUsers", minEvaluatedUsers);
        positive("maxEvaluatedUsers", maxEvaluatedUsers);
        positive("trainTimeoutMinutes", trainTimeout.toMinutes());
        positive("maxReports", maxReports);
    }

    static ScheduleSettings from(ScheduleConfig config) {
        Path directory = config.directory().isBlank() ? karafData().resolve("merx").resolve("schedules")
                : Path.of(config.directory());
        return new ScheduleSettings(directory, config.minEvents(), config.minEvaluatedUsers(),
                config.maxEvaluatedUsers(), Duration.ofMinutes(config.trainTimeoutMinutes()), config.maxReports());
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException("configuration '" + name + "' must be at least 1, got " + value);
        }
    }

    private static Path karafData() {
        String data = System.getProperty("karaf.data");
        return data == null ? Path.of("data") : Path.of(data);
    }
}
