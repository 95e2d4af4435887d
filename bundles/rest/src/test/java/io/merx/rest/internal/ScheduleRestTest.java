package io.merx.rest.internal;

import static io.merx.rest.internal.RestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.merx.events.internal.EventServiceImpl;
import io.merx.schedule.internal.RetrainSchedulerImpl;

/**
 * The schedule endpoints over real HTTP with the real runtime, event log and scheduler: what they refuse and how
 * they say it. A whole retrain of a recommendation model runs in the Karaf itest (ScheduledRetrainIT).
 */
class ScheduleRestTest {

    @TempDir
    static Path dir;
    static RestServer server;
    static EventServiceImpl events;
    static RetrainSchedulerImpl scheduler;

    @BeforeAll
    static void start() throws Exception {
        server = new RestServer(dir);
        events = EventServiceImpl.open(dir.resolve("events"));
        scheduler = RetrainSchedulerImpl.open(server.runtime, events, dir.resolve("schedules"));
        server.core.bindScheduler(scheduler);
        server.train("house", 2, true, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        scheduler.close();
        events.close();
    }

    private static String field(JsonNode error) {
        return error.get("field").asText();
    }

    @Test
    void badSchedulesAreRefusedNamingTheField() throws Exception {
        String path = "/api/v1/models/house/schedule";
        JsonNode cron = expect(400, server.put(path, "operator", "{\"cron\": \"0 25 * * *\"}"));
        assertEquals("cron", field(cron));
        assertTrue(cron.get("error").asText().contains("not a valid cron expression"), cron.toString());
        assertEquals("cron", field(expect(400, server.put(path, "operator", "{}"))));
        assertEquals("holdoutFraction", field(expect(400, server.put(path, "operator",
                "{\"cron\": \"0 3 * * *\", \"holdoutFraction\": 0.95}"))));
        assertEquals("tolerance", field(expect(400, server.put(path, "operator",
                "{\"cron\": \"0 3 * * *\", \"tolerance\": \"0.1\"}"))));
        assertEquals("eventTypes", field(expect(400, server.put(path, "operator",
                "{\"cron\": \"0 3 * * *\", \"eventTypes\": [\"buy\"]}"))));
        JsonNode kind = expect(400, server.put(path, "operator", "{\"cron\": \"0 3 * * *\"}"));
        assertEquals("model", field(kind));
        assertTrue(kind.get("error").asText().contains("only recommendation kinds"), kind.toString());
        expect(404, server.put("/api/v1/models/absent/schedule", "operator", "{\"cron\": \"0 3 * * *\"}"));
        expect(403, server.put(path, "viewer", "{\"cron\": \"0 3 * * *\"}"));
    }

    @Test
    void aModelWithoutScheduleAnswers404() throws Exception {
        expect(404, server.get("/api/v1/models/house/schedule", "viewer"));
        expect(404, server.delete("/api/v1/models/house/schedule", "operator"));
        expect(404, server.post("/api/v1/models/house/schedule/run", "operator", "{}"));
    }

    @Test
    void withoutTheScheduleBundleTheEndpointsAnswer503() throws Exception {
        server.core.unbindScheduler(scheduler);
        try {
            expect(503, server.get("/api/v1/models/house/schedule", "viewer"));
        } finally {
            server.core.bindScheduler(scheduler);
        }
    }
}
