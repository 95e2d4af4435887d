package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;

import io.merx.api.ScoreRequest;
import io.merx.api.runtime.ModelRuntime;

/**
 * Karaf's shell added to a running Merx, then the commands' bundle removed and installed again, while a model serves:
 * the {@code model:*} commands come and go with their own bundle, and the runtime bundle is never refreshed or
 * restarted, so no model is unloaded.
 * The container boots without the shell, as a REST-only server would; the test installs it through the features
 * service as {@code feature:install --no-auto-refresh shell} does (docs/runtime.md). Not a plain install: Felix SCR
 * imports the gogo command API optionally, so a refreshing install restarts SCR and with it every DS component of
 * every bundle, whatever Merx does (this test saw it). Before the commands had their own bundle, the runtime itself
 * imported the shell optionally: a refreshing install restarted it, and one without refresh gave no commands.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RuntimeShellIT extends MerxTestSupport {

    private static final String DEMO = "example-linear-demo";
    private static final ScoreRequest HOUSE = ScoreRequest.of(Map.of("sqm", 100, "rooms", 3, "age", 10));
    private static final String RUNTIME = "io.merx.runtime";
    private static final String SHELL = "io.merx.runtime.shell";
    private static final EnumSet<FeaturesService.Option> NO_REFRESH =
            EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);

    @Inject
    private FeaturesService features;

    @Override
    protected String bootFeatures() {
        return "merx-example-linear";
    }

    /** Karaf's boot features without the shell and ssh (which needs it): the shell comes later, in the test. */
    @Override
    protected String karafBootFeatures() {
        return Arrays.stream(super.karafBootFeatures().split(",")).map(String::trim)
                .filter(f -> !f.equals("shell") && !f.equals("ssh")).collect(Collectors.joining(", "));
    }

    @Override
    @Configuration // not inherited with the method: without it Pax Exam runs none of this class's tests
    public Option[] config() {
        List<Option> options = new ArrayList<>(List.of(super.config()));
        // The shell bundle reads its file areas from the runtime's pid, as the runtime did before the split.
        options.add(editConfigurationFilePut("etc/io.merx.runtime.cfg", "exportDirectory",
                "${karaf.data}/merx/shell-exports"));
        return options.toArray(new Option[0]);
    }

    @Test
    public void addingAndRemovingTheShellNeverTouchesTheRuntime() throws Exception {
        ModelRuntime runtime = awaitService(ModelRuntime.class, null);
        LiveModels.await(runtime, DEMO);
        assertFalse("booted without the shell", features.isInstalled(features.getFeature("shell")));
        assertTrue("no shell bundle without the shell", bundleOrNull(SHELL) == null);

        Bundle core = bundle(RUNTIME);
        long lastModified = core.getLastModified();
        ServiceReference<ModelRuntime> service = bundleContext.getServiceReference(ModelRuntime.class);
        Object serviceId = service.getProperty("service.id");
        double before = runtime.score(DEMO, HOUSE).result().number("prediction");
        List<String> runtimeEvents = new CopyOnWriteArrayList<>();
        BundleListener bundles = e -> {
            if (e.getBundle().getBundleId() == core.getBundleId()) {
                runtimeEvents.add("bundle event " + e.getType());
            }
        };
        ServiceListener services = e -> {
            if (e.getType() == ServiceEvent.UNREGISTERING) {
                runtimeEvents.add("runtime service unregistered");
            }
        };
        bundleContext.addBundleListener(bundles);
        bundleContext.addServiceListener(services, "(objectClass=" + ModelRuntime.class.getName() + ")");
        try {
            features.installFeature("shell", NO_REFRESH);
            assertRuntimeUntouched("adding the shell", runtimeEvents, core, lastModified, serviceId, runtime, before);
            assertShellServes(before);

            // The commands' bundle alone: Karaf's shell stays, since this test's own session is wired to it.
            String location = bundle(SHELL).getLocation();
            bundle(SHELL).uninstall();
            assertRuntimeUntouched("removing the commands", runtimeEvents, core, lastModified, serviceId, runtime,
                    before);
            try {
                fail("model:list without its bundle printed " + execute("model:list"));
            } catch (Exception e) {
                assertTrue(e.getMessage(), String.valueOf(e.getMessage()).contains("not found"));
            }

            bundleContext.installBundle(location).start();
            assertRuntimeUntouched("adding the commands again", runtimeEvents, core, lastModified, serviceId,
                    runtime, before);
            assertShellServes(before);
        } finally {
            bundleContext.removeServiceListener(services);
            bundleContext.removeBundleListener(bundles);
        }
    }

    /** Same bundle, never stopped or refreshed, same service, and the model answers as before without a reload. */
    private void assertRuntimeUntouched(String step, List<String> runtimeEvents, Bundle core, long lastModified,
            Object serviceId, ModelRuntime runtime, double prediction) throws Exception {
        assertEquals(step + " neither refreshed nor restarted the runtime", List.of(), runtimeEvents);
        assertEquals(step, Bundle.ACTIVE, core.getState());
        assertEquals(step, lastModified, core.getLastModified());
        assertEquals(step, serviceId, bundleContext.getServiceReference(ModelRuntime.class).getProperty("service.id"));
        assertTrue(step + ": still loaded and warm", runtime.ready(DEMO, ModelRuntime.LIVE));
        assertEquals(step, prediction, runtime.score(DEMO, HOUSE).result().number("prediction"), 0);
    }

    /** The shell bundle is active, scores the live model as the API does, and writes where its pid says. */
    private void assertShellServes(double prediction) throws Exception {
        assertEquals(Bundle.ACTIVE, bundle(SHELL).getState());
        String score = awaitCommand("model:score " + DEMO + " '{\"sqm\": 100, \"rooms\": 3, \"age\": 10}'");
        assertTrue(score, score.contains("\"route\":\"live\"") && score.contains("\"prediction\":" + prediction));

        Path exports = Path.of(System.getProperty("karaf.data"), "merx", "shell-exports");
        Files.deleteIfExists(exports.resolve("demo.zip"));
        String export = execute("model:export " + DEMO + " live demo.zip");
        assertTrue(export, export.contains("Exported " + DEMO + " live to demo.zip"));
        assertTrue("written into the configured export directory", Files.isRegularFile(exports.resolve("demo.zip")));
    }

    /** Runs a command once the shell has registered it (the shell's extender registers commands as bundles start). */
    private String awaitCommand(String command) throws Exception {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (true) {
            try {
                return execute(command);
            } catch (Exception e) {
                if (System.currentTimeMillis() > deadline || !String.valueOf(e.getMessage()).contains("not found")) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private Bundle bundleOrNull(String symbolicName) {
        return Arrays.stream(bundleContext.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst().orElse(null);
    }
}
