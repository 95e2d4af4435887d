package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Random;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.merx.api.events.EventService;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.schedule.RetrainScheduler;

/**
 * Scheduled retrain in the real distribution, over REST: a run without events fails and leaves live alone; after
 * purchases arrive a run trains a candidate on the older ones, scores it and the live demo version on the newest
 * ones and activates it (the demo version knows none of these shoppers, so the candidate cannot be worse); a
 * candidate trained on noise is kept out; the schedule and its reports survive a restart of the bundle; a cron of
 * every minute fires a run by itself.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ScheduledRetrainIT extends MerxTestSupport {

    @Override
    protected String bootFeatures() {
        return "merx-rest, merx-events, merx-schedule, merx-recommendation";
    }

    private static final String DEMO = "recommendation-als-demo";
    private static final String SCHEDULE = "/api/v1/models/" + DEMO + "/schedule";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RestClient rest = new RestClient(TIMEOUT_MS);

    @Test
    public void aRunTrainsACandidateOnOlderEventsAndActivatesItOnlyWhenNoWorseOnTheNewest() throws Exception {
        ModelRuntime runtime = awaitService(ModelRuntime.class, null);
        LiveModels.await(runtime, DEMO);
        awaitService(EventService.class, null);
        awaitService(RetrainScheduler.class, null);
        String admin = rest.admin();
        String liveBefore = runtime.info(DEMO, ModelRuntime.LIVE).version();

        JsonNode schedule = ok(rest.send("PUT", SCHEDULE, admin, "{\"cron\": \"0 3 * * *\", \"eventTypes\": [\"purchase\"]}"));
        assertEquals(schedule.toString(), "0 3 * * *", schedule.get("cron").asText());
        assertTrue(schedule.toString(), schedule.get("nextRun").asText().endsWith("T03:00:00Z"));
        HttpResponse<String> badCron = rest.send("PUT", SCHEDULE, admin, "{\"cron\": \"0 3 * *\"}");
        assertEquals(badCron.body(), 400, badCron.statusCode());
        assertEquals("cron", JSON.readTree(badCron.body()).get("field").asText());

        JsonNode empty = ok(rest.send("POST", SCHEDULE + "/run", admin, "{}"));
        assertEquals(empty.toString(), "FAILED", empty.get("outcome").asText());
        assertTrue(empty.toString(), empty.get("reason").asText().startsWith("too few events to retrain: 0"));
        assertEquals("live is untouched", liveBefore, runtime.info(DEMO, ModelRuntime.LIVE).version());

        postPurchases(admin);
        JsonNode report = ok(rest.send("POST", SCHEDULE + "/run", admin, "{}"));
        System.out.println("Retrain report: " + report);
        assertEquals(report.toString(), "ACTIVATED", report.get("outcome").asText());
        assertEquals(report.toString(), liveBefore, report.get("liveVersion").asText());
        String candidate = report.get("candidateVersion").asText();
        assertFalse(report.toString(), candidate.equals(liveBefore));
        assertEquals("ndcg@10", report.get("metric").asText());
        // 600 purchases, the newest fifth held out
        assertEquals(report.toString(), 480, report.get("trainEvents").asLong());
        assertEquals(report.toString(), 120, report.get("heldOutEvents").asLong());
        assertTrue(report.toString(), report.get("evaluatedUsers").asInt() > 30);
        double candidateNdcg = report.get("candidateValue").asDouble();
        double liveNdcg = report.get("liveValue").asDouble();
        assertTrue(report.toString(), candidateNdcg > 0.1);
        assertTrue(report.toString(), candidateNdcg >= liveNdcg);
        assertTrue(report.toString(), report.get("candidateRecall").isNumber() && report.get("liveRecall").isNumber());
        assertEquals(candidate, runtime.info(DEMO, ModelRuntime.LIVE).version());

        String listed = execute("model:schedules");
        System.out.println(listed);
        assertTrue(listed, listed.contains(DEMO) && listed.contains("ACTIVATED") && listed.contains("0 3 * * *"));

        // Views that are noise before the split and follow the groups after it: a candidate trained on them is worse
        // than live (trained on the purchases) on the newest views, so live stays.
        ok(rest.send("PUT", SCHEDULE, admin, "{\"cron\": \"0 3 * * *\", \"eventTypes\": [\"view\"]}"));
        postViews(admin);
        JsonNode kept = ok(rest.send("POST", SCHEDULE + "/run", admin, "{}"));
        System.out.println("Retrain report: " + kept);
        assertEquals(kept.toString(), "KEPT_LIVE", kept.get("outcome").asText());
        assertEquals(kept.toString(), candidate, kept.get("liveVersion").asText());
        assertTrue(kept.toString(), kept.get("candidateValue").asDouble() < kept.get("liveValue").asDouble());
        assertTrue(kept.toString(), kept.get("reason").asText().contains("is worse"));
        assertEquals(candidate, runtime.info(DEMO, ModelRuntime.LIVE).version());

        // stored: the schedule and its reports come back after the bundle restarts
        Bundle bundle = bundle("io.merx.schedule");
        bundle.stop();
        bundle.start();
        awaitService(RetrainScheduler.class, null);
        JsonNode stored = ok(rest.send("GET", SCHEDULE, admin, null));
        assertEquals(stored.toString(), "[\"view\"]", stored.get("eventTypes").toString());
        assertEquals(stored.toString(), 3, stored.get("reports").size());
        assertEquals(stored.toString(), "KEPT_LIVE", stored.get("reports").get(0).get("outcome").asText());
        assertEquals(stored.toString(), "ACTIVATED", stored.get("reports").get(1).get("outcome").asText());
        assertEquals(stored.toString(), candidateNdcg, stored.get("reports").get(1).get("candidateValue").asDouble(), 0);
        assertEquals(stored.toString(), "FAILED", stored.get("reports").get(2).get("outcome").asText());

        // the cron timer itself: every minute, so the next minute boundary fires a run on the purchases again
        ok(rest.send("PUT", SCHEDULE, admin, "{\"cron\": \"* * * * *\", \"eventTypes\": [\"purchase\"]}"));
        JsonNode fired = awaitReports(admin, 4).get("reports").get(0);
        System.out.println("Fired by cron: " + fired);
        assertTrue(fired.toString(), fired.get("outcome").asText().matches("ACTIVATED|KEPT_LIVE"));
        assertEquals(fired.toString(), 480, fired.get("trainEvents").asLong());

        ok(rest.send("DELETE", SCHEDULE, admin, null));
        assertEquals(404, rest.send("GET", SCHEDULE, admin, null).statusCode());
    }

    /**
     * 60 shoppers in three groups, each buying 10 times from its group's 20 items, in rounds: every shopper's
     * newest two purchases fall in the held-out fifth. Item ids unknown to the demo shop.
     */
    private void postPurchases(String admin) throws Exception {
        Random random = new Random(7);
        Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
        StringBuilder body = new StringBuilder("{\"events\": [");
        int n = 0;
        for (int round = 0; round < 10; round++) {
            for (int user = 0; user < 60; user++) {
                int group = user % 3;
                String item = "it-" + group + "-" + random.nextInt(20);
                body.append(n == 0 ? "" : ",").append("{\"id\": \"sr-").append(n).append("\", \"type\": \"purchase\",")
                        .append(" \"user\": \"shopper-").append(user).append("\", \"item\": \"").append(item)
                        .append("\", \"value\": 10, \"timestamp\": \"").append(t0.plusSeconds(60L * n)).append("\"}");
                n++;
            }
        }
        JsonNode accepted = ok(rest.send("POST", "/api/v1/events", admin, body.append("]}").toString()));
        assertEquals(accepted.toString(), 600, accepted.get("accepted").asInt());
    }

    /** The same shoppers' views: 8 rounds of any of the 60 items, then 2 rounds within their group. */
    private void postViews(String admin) throws Exception {
        Random random = new Random(11);
        Instant t0 = Instant.parse("2026-03-01T12:00:00Z");
        StringBuilder body = new StringBuilder("{\"events\": [");
        int n = 0;
        for (int round = 0; round < 10; round++) {
            for (int user = 0; user < 60; user++) {
                int group = round < 8 ? random.nextInt(3) : user % 3;
                String item = "it-" + group + "-" + random.nextInt(20);
                body.append(n == 0 ? "" : ",").append("{\"id\": \"sv-").append(n).append("\", \"type\": \"view\",")
                        .append(" \"user\": \"shopper-").append(user).append("\", \"item\": \"").append(item)
                        .append("\", \"timestamp\": \"").append(t0.plusSeconds(60L * n)).append("\"}");
                n++;
            }
        }
        JsonNode accepted = ok(rest.send("POST", "/api/v1/events", admin, body.append("]}").toString()));
        assertEquals(accepted.toString(), 600, accepted.get("accepted").asInt());
    }

    private JsonNode awaitReports(String admin, int count) throws Exception {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (true) {
            JsonNode schedule = ok(rest.send("GET", SCHEDULE, admin, null));
            if (schedule.get("reports").size() >= count || System.currentTimeMillis() > deadline) {
                assertEquals(schedule.toString(), count, schedule.get("reports").size());
                return schedule;
            }
            Thread.sleep(1000);
        }
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertEquals(response.body(), 200, response.statusCode());
        return JSON.readTree(response.body());
    }
}
