package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.merx.api.Dataset;
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
 * same demo data and swapped in, and scoring keeps answering. Every answer (shell, API, before and after the
 * swap) is checked for content a user would rely on, not only for the presence of an output field.
 */
@SuppressWarnings("unchecked")
public abstract class ModuleITSupport extends MerxTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The kind under test, e.g. {@code recommendation.als}. */
    protected abstract String kind();

    /** A valid request for the demo model, as the JSON a user types into {@code model:score}. */
    protected abstract String requestJson();

    /**
     * Asserts what a user reads in an answer to {@link #requestJson()}: facts that hold by construction of the
     * module's demo data and would be false for a broken model (not merely that an output key exists).
     *
     * @param outputs the answer's outputs as JSON would carry them (arrays as lists, numbers as {@link Number})
     * @param demo the kind's demo data, which the demo model was trained on
     */
    protected abstract void assertAnswer(Map<String, Object> outputs, Dataset demo);

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
     * Installs the sentence encoder and waits until this module's kind has restarted with it, both as a service and
     * in the runtime. The new kind service is visible a moment before the runtime's reference to it is bound: a fresh
     * check once trained in between and got "kind 'search.semantic' is not installed; installed kinds: []".
     */
    protected void installEncoderAndAwaitKind(ModelRuntime runtime) throws Exception {
        execute("feature:install merx-encoder");
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        String filter = "(" + ModelKind.PROPERTY_NAME + "=" + kind() + ")";
        ModelKind kind = awaitService(ModelKind.class, filter);
        while (!kind.description().contains("all-MiniLM-L6-v2") && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            kind = awaitService(ModelKind.class, filter);
        }
        assertTrue("the kind restarted with the encoder: " + kind.description(),
                kind.description().contains("all-MiniLM-L6-v2"));
        while (runtime.kinds().stream().noneMatch(k -> k.name().equals(kind())
                && k.description().contains("all-MiniLM-L6-v2")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertTrue("the runtime has the kind with the encoder: " + runtime.kinds(), runtime.kinds().stream()
                .anyMatch(k -> k.name().equals(kind()) && k.description().contains("all-MiniLM-L6-v2")));
    }

    /**
     * The journey. Each subclass calls it from its own {@code @Test} method: Pax Exam finds a test by the class
     * that declares the method, so an inherited test method would run in whichever subclass it finds first.
     */
    protected void installTrainScoreSwap() throws Exception {
        ModelRuntime runtime = awaitService(ModelRuntime.class, null);
        ModelKind modelKind = awaitService(ModelKind.class, "(" + ModelKind.PROPERTY_NAME + "=" + kind() + ")");
        Dataset demo = modelKind.demoData().orElseThrow();
        LiveModels.await(runtime, demoModel());

        String shell = execute("model:score " + demoModel() + " '" + requestJson() + "'");
        assertAnswer(shellOutputs(shell), demo);

        Map<String, Object> inputs = JSON.readValue(requestJson(), Map.class);
        ScoreResponse first = runtime.score(demoModel(), ScoreRequest.of(inputs));
        assertAnswer(asJson(first), demo);

        Path demoData = Path.of(System.getProperty("karaf.data"), "merx", "models", ".demo", demoModel() + ".csv");
        TrainingJob job = runtime.train(TrainingRequest.builder(demoModel(), kind(), demoData)
                .parameters(secondVersionParameters()).activate(true).build());
        assertTrue("second version trained in time", job.await(Duration.ofMillis(3 * TIMEOUT_MS)));
        assertEquals(job.message(), JobState.SUCCEEDED, job.state());

        ScoreResponse second = runtime.score(demoModel(), ScoreRequest.of(inputs));
        assertNotEquals("live moved to the new version", first.version(), second.version());
        assertEquals(job.resultVersion().orElseThrow(), second.version());
        assertAnswer(asJson(second), demo);
    }

    /** The outputs of the JSON line {@code model:score} prints. */
    protected static Map<String, Object> shellOutputs(String shell) throws Exception {
        int start = shell.indexOf('{');
        assertTrue("model:score printed JSON: " + shell, start >= 0);
        Map<String, Object> printed = JSON.readValue(shell.substring(start, shell.lastIndexOf('}') + 1), Map.class);
        assertTrue(shell, printed.get("outputs") instanceof Map);
        return (Map<String, Object>) printed.get("outputs");
    }

    /** The answer's outputs as a JSON client sees them, so one assertion serves the shell and the API. */
    private static Map<String, Object> asJson(ScoreResponse response) {
        return JSON.convertValue(response.result().outputs(), Map.class);
    }

    // Small helpers for the subclasses' assertions on JSON-shaped outputs.

    protected static List<Object> list(Map<String, Object> outputs, String field) {
        Object value = outputs.get(field);
        assertTrue("'" + field + "' is a list in " + outputs, value instanceof List);
        return (List<Object>) value;
    }

    protected static Map<String, Object> object(Object value) {
        assertTrue("an object: " + value, value instanceof Map);
        return (Map<String, Object>) value;
    }

    protected static double finite(Object value, String what) {
        assertTrue(what + " is a number: " + value, value instanceof Number);
        double d = ((Number) value).doubleValue();
        assertTrue(what + " is finite: " + d, Double.isFinite(d));
        return d;
    }

    /** The distinct values of a text column of the demo data. */
    protected static Set<String> distinct(Dataset demo, String column) {
        return new HashSet<>(Arrays.asList(demo.strings(column)));
    }
}
