package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.merx.api.ModelKind;
import io.merx.api.ScoreRequest;
import io.merx.api.runtime.ModelRuntime;

/**
 * A partner plugin made by merx-plugin-archetype (generated and built, with its contract tests, by the
 * archetype module's integration test) installed as users do, trained, scored and updated under load.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginSdkIT extends MerxTestSupport {

    @Override
    protected String bootFeatures() {
        return "merx-runtime, merx-compute";
    }


    private static final String KIND_FILTER = "(" + ModelKind.PROPERTY_NAME + "=acme.propensity)";
    private static final String DEMO = "acme-propensity-demo";

    @Test
    public void generatedPluginInstallsTrainsScoresAndUpdatesUnderLoad() throws Exception {
        ModelRuntime runtime = awaitService(ModelRuntime.class, null);
        String repo = execute("feature:repo-add mvn:com.acme.merx/acme-propensity/1.0.0/xml/features");
        String install = execute("feature:install acme-propensity");
        ModelKind kind = awaitService(ModelKind.class, KIND_FILTER);
        assertEquals(repo + install, "1.0.0", kind.version());

        // The runtime trains the plugin's demo model from the plugin's own demo data and activates it.
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (runtime.models().stream().noneMatch(m -> m.name().equals(DEMO)
                && m.aliases().containsKey(ModelRuntime.LIVE))) {
            if (System.currentTimeMillis() > deadline) {
                fail("demo model of the plugin never went live: " + runtime.jobs());
            }
            Thread.sleep(200);
        }
        // The template is example.linear under the partner's name: its demo model prices houses, this one at
        // about 185 (the demo data's generating formula, as RuntimeIT checks for example-linear-demo).
        String scored = execute("model:score " + DEMO + " '{\"sqm\": 100, \"rooms\": 3, \"age\": 10}'");
        double prediction = new ObjectMapper().readTree(scored.substring(scored.indexOf('{'))).get("outputs")
                .get("prediction").asDouble(Double.NaN);
        assertEquals(scored, 185, prediction, 5);

        LoadGenerator load = new LoadGenerator(runtime, DEMO, 3,
                i -> ScoreRequest.of(Map.of("sqm", 40 + i % 120, "rooms", 1 + i % 6, "age", i % 80)));
        load.start();
        try {
            load.phase("before", Duration.ofSeconds(2));
            load.beginPhase("during");
            Bundle plugin = bundleBySymbolicName("com.acme.merx.acme-propensity");
            Path jar = Path.of(System.getProperty("merx.plugin.jar"));
            assertTrue("built by the archetype integration test: " + jar, Files.isRegularFile(jar));
            for (String version : new String[] {"1.0.1", "1.0.2"}) {
                plugin.update(new ByteArrayInputStream(Jars.withBundleVersion(jar, version)));
                awaitKindVersion(version);
                Thread.sleep(500);
            }
            load.phase("after", Duration.ofSeconds(2));
        } finally {
            load.stop();
        }
        System.out.println(load.report());
        assertEquals("failed requests: " + load.firstFailure(), 0, load.failures());
        assertTrue(load.successes() > 500);
    }

    private Bundle bundleBySymbolicName(String name) {
        return bundle(name);
    }

    private void awaitKindVersion(String version) throws Exception {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!awaitService(ModelKind.class, KIND_FILTER).version().equals(version)) {
            if (System.currentTimeMillis() > deadline) {
                fail("kind version " + version + " never appeared");
            }
            Thread.sleep(20);
        }
    }
}
