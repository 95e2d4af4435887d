package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.merx.api.events.EventService;
import io.merx.api.experiments.ExperimentService;
import io.merx.api.runtime.JobState;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.TrainingJob;
import io.merx.api.runtime.TrainingRequest;

/**
 * An A/B experiment in the real distribution, all over HTTP: started on a trained second version of the demo
 * model, scores and purchase events with a strong true lift sent by a shop, the scheduled sequential test promotes
 * the candidate and it serves live; a second experiment survives a restart of the experiments bundle and is
 * stopped from the shell.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ExperimentsIT extends MerxTestSupport {

    private static final String DEMO = "example-linear-demo";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RestClient rest = new RestClient(TIMEOUT_MS);

    @Override
    protected String bootFeatures() {
        return "merx-rest, merx-events, merx-experiments, merx-example-linear";
    }

    @Override
    @Configuration // not inherited with the method: without it Pax Exam runs none of this class's tests
    public Option[] config() {
        List<Option> options = new ArrayList<>(List.of(super.config()));
        // evaluated every second, so the test waits little for the scheduled decision
        options.add(editConfigurationFilePut("etc/io.merx.experiments.cfg", "evaluationIntervalSeconds", "1"));
        return options.toArray(new Option[0]);
    }

    @Test
    public void aCandidateThatSellsBetterIsPromotedAndARunningExperimentSurvivesARestart() throws Exception {
        ModelRuntime runtime = awaitService(ModelRuntime.class, null);
        LiveModels.await(runtime, DEMO);
        awaitService(EventService.class, null);
        awaitService(ExperimentService.class, null);
        String admin = rest.admin();
        String live = runtime.info(DEMO, ModelRuntime.LIVE).version();
        String candidate = train(runtime);

        HttpResponse<String> started = rest.send("POST", "/api/v1/models/" + DEMO + "/experiments", admin,
                "{\"version\": \"" + candidate + "\", \"percent\": 50, \"metric\": \"conversion\","
                        + " \"minSamples\": 200, \"expectedLift\": 1.0}");
        assertEquals(started.body(), 201, started.statusCode());
        String id = JSON.readTree(started.body()).get("id").asText();

        // the shop: live converts 10 % of answers, the candidate 50 %
        Random random = new Random(15);
        JsonNode report = null;
        for (int round = 0; round < 30; round++) {
            List<String> purchases = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String user = "shopper-" + round + "-" + i;
                HttpResponse<String> scored = rest.send("POST", "/api/v1/models/" + DEMO + "/score", admin,
                        "{\"inputs\": {\"sqm\": 100, \"rooms\": 3, \"age\": 10}, \"key\": \"" + user + "\"}");
                assertEquals(scored.body(), 200, scored.statusCode());
                JsonNode answer = JSON.readTree(scored.body());
                double chance = "canary".equals(answer.get("route").asText()) ? 0.5 : 0.1;
                if (random.nextDouble() < chance) {
                    purchases.add("{\"id\": \"buy-" + user + "\", \"type\": \"purchase\", \"user\": \"" + user
                            + "\", \"item\": \"house-1\", \"value\": 100, \"timestamp\": \"2026-03-01T12:00:00Z\","
                            + " \"requestId\": \"" + answer.get("requestId").asText() + "\"}");
                }
            }
            if (!purchases.isEmpty()) {
                HttpResponse<String> posted = rest.send("POST", "/api/v1/events", admin,
                        "{\"events\": [" + String.join(",", purchases) + "]}");
                assertEquals(posted.body(), 200, posted.statusCode());
            }
            report = experiment(admin, id);
            if (!"running".equals(report.get("state").asText())) {
                break;
            }
        }
        // the decision is the scheduler's: wait for its next evaluations
        long deadline = System.currentTimeMillis() + 60_000;
        while ("running".equals(report.get("state").asText()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            report = experiment(admin, id);
        }
        assertEquals(report.toString(), "promoted", report.get("state").asText());
        assertTrue(report.toString(), report.get("effect").get("low").asDouble() > 0);
        assertTrue(report.toString(), report.get("control").get("impressions").asLong() >= 200);
        assertEquals(candidate, runtime.info(DEMO, ModelRuntime.LIVE).version());
        assertTrue(execute("model:experiment status " + DEMO).contains("Experiment " + id + "  PROMOTED"));

        // a second experiment, the old version against the promoted one, continues after a restart
        HttpResponse<String> second = rest.send("POST", "/api/v1/models/" + DEMO + "/experiments", admin,
                "{\"version\": \"" + live + "\", \"percent\": 10}");
        assertEquals(second.body(), 201, second.statusCode());
        String secondId = JSON.readTree(second.body()).get("id").asText();
        Bundle bundle = bundle("io.merx.experiments");
        bundle.stop();
        HttpResponse<String> absent = rest.send("GET", "/api/v1/models/" + DEMO + "/experiments", admin, null);
        assertEquals(absent.body(), 503, absent.statusCode());
        bundle.start();
        awaitService(ExperimentService.class, null);
        assertEquals("running", experiment(admin, secondId).get("state").asText());
        String stopped = execute("model:experiment stop " + DEMO);
        assertTrue(stopped, stopped.contains("Experiment " + secondId + "  STOPPED"));
        assertEquals(null, runtime.models().stream().filter(m -> m.name().equals(DEMO)).findFirst().orElseThrow()
                .canary());
    }

    private JsonNode experiment(String admin, String id) throws Exception {
        HttpResponse<String> got = rest.send("GET", "/api/v1/models/" + DEMO + "/experiments/" + id, admin, null);
        assertEquals(got.body(), 200, got.statusCode());
        return JSON.readTree(got.body());
    }

    /** Trains another version of the demo model (not activated) and returns its number. */
    private String train(ModelRuntime runtime) throws Exception {
        Path csv = Files.createTempFile("experiment-candidate", ".csv");
        StringBuilder rows = new StringBuilder("sqm,rooms,age,price\n");
        Random random = new Random(3);
        for (int i = 0; i < 400; i++) {
            double sqm = 30 + random.nextDouble() * 170;
            double rooms = Math.max(1, Math.round(sqm / 30 + random.nextGaussian()));
            double age = Math.floor(random.nextDouble() * 80);
            double price = 50 + 1.2 * sqm + 8 * rooms - 0.9 * age + 10 * random.nextGaussian();
            rows.append(String.format(Locale.ROOT, "%.3f,%.0f,%.0f,%.3f%n", sqm, rooms, age, price));
        }
        Files.writeString(csv, rows);
        TrainingJob job = runtime.train(TrainingRequest.builder(DEMO, "example.linear", csv).build());
        assertTrue("training finished", job.await(Duration.ofMillis(TIMEOUT_MS)));
        assertEquals(job.message(), JobState.SUCCEEDED, job.state());
        return job.resultVersion().orElseThrow();
    }
}
