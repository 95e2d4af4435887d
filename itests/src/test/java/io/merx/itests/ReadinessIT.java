package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.http.HttpResponse;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.merx.api.runtime.ModelRuntime;

/**
 * {@code /v2/health/ready} in the real distribution says ready only when every live model answers: right after a
 * fresh start (the demo model still training) and after a restart of the runtime (its models stored, not loaded,
 * their kind not back yet), while {@code /v2/health/live} answers from the first moment.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReadinessIT extends MerxTestSupport {

    private static final String DEMO = "example-linear-demo";
    private static final String SCORE = "{\"inputs\": {\"sqm\": 100, \"rooms\": 3, \"age\": 10}}";

    @Override
    protected String bootFeatures() {
        return "merx-rest, merx-example-linear";
    }

    private final RestClient rest = new RestClient(TIMEOUT_MS);

    @Test
    public void readyOnlyWhenEveryLiveModelAnswers() throws Exception {
        String admin = rest.admin();
        // Fresh start, once the kind is there (before, the runtime cannot know a demo model will come): whenever
        // ready says yes, the demo model must answer right away.
        ModelRuntime models = awaitService(ModelRuntime.class, null);
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (models.kinds().stream().noneMatch(k -> k.name().equals("example.linear"))) {
            assertTrue("kind example.linear never arrived", System.currentTimeMillis() < deadline);
            Thread.sleep(50);
        }
        awaitReadyThenScore(admin);

        // Restart the runtime with the kind away: the demo is stored and live, but nothing can load it.
        Bundle kind = bundle("io.merx.example.linear");
        Bundle runtime = bundle("io.merx.runtime");
        kind.stop();
        runtime.stop();
        runtime.start();
        awaitService(ModelRuntime.class, null);
        assertEquals(200, rest.send("GET", "/v2/health/live", null, null).statusCode());
        HttpResponse<String> ready = rest.send("GET", "/v2/health/ready", null, null);
        assertEquals(ready.body(), 503, ready.statusCode());
        assertEquals("{\"ready\":false}", ready.body());
        HttpResponse<String> model = rest.send("GET", "/v2/models/" + DEMO + "/ready", admin, null);
        assertEquals(model.body(), 503, model.statusCode());
        Thread.sleep(2000);
        assertEquals("still not ready without the kind", 503,
                rest.send("GET", "/v2/health/ready", null, null).statusCode());

        kind.start();
        awaitReadyThenScore(admin);
        assertEquals(200, rest.send("GET", "/v2/models/" + DEMO + "/ready", admin, null).statusCode());
    }

    /** Polls ready; the first time it is 200, the demo model must score at once. */
    private void awaitReadyThenScore(String admin) throws Exception {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (true) {
            HttpResponse<String> ready = rest.send("GET", "/v2/health/ready", null, null);
            if (ready.statusCode() == 200) {
                assertEquals("{\"ready\":true}", ready.body());
                HttpResponse<String> scored = rest.send("POST", "/api/v1/models/" + DEMO + "/score", admin, SCORE);
                assertEquals("ready said yes, but the live demo model answered " + scored.body(), 200,
                        scored.statusCode());
                // Demo truth: 50 + 1.2*100 + 8*3 - 0.9*10 = 185: the trained model answered, not a placeholder.
                assertEquals(scored.body(), 185.0, new ObjectMapper().readTree(scored.body()).get("outputs")
                        .get("prediction").asDouble(), 5.0);
                return;
            }
            assertEquals(ready.body(), 503, ready.statusCode());
            if (System.currentTimeMillis() > deadline) {
                fail("never ready: " + ready.body());
            }
            Thread.sleep(100);
        }
    }
}
