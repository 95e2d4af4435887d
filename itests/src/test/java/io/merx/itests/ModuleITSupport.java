package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.merx.api.ModelKind;
import io.merx.api.ScoreRequest;
import io.merx.api.runtime.JobState;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.ScoreResponse;
import io.merx.api.runtime.TrainingJob;
import io.merx.api.runtime.TrainingRequest;

/**
 * The same journey for every module, in the real distribution: its feature is installed at boot, its kind
 * appears, its demo model is trained and goes live, the shell scores it, a second version is trained from the
 * same demo data and swapped in, and scoring keeps answering.
 */
public abstract class ModuleITSupport extends MerxTestSupport {

    /** The kind under test, e.g. {@code recommendation.als}. */
    protected abstract String kind();

    /** A valid request for the demo model, as the JSON a user types into {@code model:score}. */
    protected abstract String requestJson();

    /** An output field every answer to {@link #requestJson()} contains. */
    protected abstract String expectedOutput();

    /** Hyper-parameters of the second version (something different from the defaults). */
    protected Map<String, String> secondVersionParameters() {
        return Map.of();
    }

    /** The module's own feature, e.g. {@code merx-pricing} for kind {@code pricing.demand}. */
    @Override
    protected String bootFeatures() {
        return "merx-" + kind().substring(0, kind().indexOf('.'));
    }

    protected String demoModel() {
        return kind().replace('.', '-') + "-demo";
    }

    /**
     * The journey. Each subclass calls it from its own {@code @Test} method: Pax Exam finds a test by the class
     * that declares the method, so an inherited test method would run in whichever subclass it finds first.
     */
    protected void installTrainScoreSwap() throws Exception {
        ModelRuntime runtime = awaitService(ModelRuntime.class, null);
        awaitService(ModelKind.class, "(" + ModelKind.PROPERTY_NAME + "=" + kind() + ")");
        LiveModels.await(runtime, demoModel());

        String shell = execute("model:score " + demoModel() + " '" + requestJson() + "'");
        assertTrue(shell, shell.contains(expectedOutput()));

        Map<String, Object> inputs = new ObjectMapper().readValue(requestJson(), Map.class);
        ScoreResponse first = runtime.score(demoModel(), ScoreRequest.of(inputs));
        assertTrue(first.result().outputs().containsKey(expectedOutput()));

        Path demoData = Path.of(System.getProperty("karaf.data"), "merx", "models", ".demo", demoModel() + ".csv");
        TrainingJob job = runtime.train(TrainingRequest.builder(demoModel(), kind(), demoData)
                .parameters(secondVersionParameters()).activate(true).build());
        assertTrue("second version trained in time", job.await(Duration.ofMillis(3 * TIMEOUT_MS)));
        assertEquals(job.message(), JobState.SUCCEEDED, job.state());

        ScoreResponse second = runtime.score(demoModel(), ScoreRequest.of(inputs));
        assertNotEquals("live moved to the new version", first.version(), second.version());
        assertEquals(job.resultVersion().orElseThrow(), second.version());
        assertTrue(second.result().outputs().containsKey(expectedOutput()));
    }
}
