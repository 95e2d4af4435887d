package io.merx.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.runtime.VersionState;
import io.merx.testkit.LinearTestKind;

/** kill -9 in the middle of activations, then a restart: the registry is consistent and live serves. */
class KillDuringActivationTest {

    @TempDir
    Path dir;

    @Test
    void registrySurvivesSigkillDuringActivation() throws Exception {
        try (Fixture fx = new Fixture(dir)) {
            fx.runtime.activate("price", fx.train("price", 3));
            fx.train("price", 5);
        }
        Path store = dir.resolve("store");
        Random random = new Random(7);
        for (int round = 0; round < 3; round++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ActivationLoop.class.getName(), store.toString())
                    .redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                int progress = 0;
                while ((line = out.readLine()) != null && progress < 2 + random.nextInt(3)) {
                    if (line.startsWith("activations")) {
                        progress++;
                    }
                }
                Thread.sleep(random.nextInt(40));
                child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            }

            ModelRuntimeImpl restarted = new ModelRuntimeImpl(Fixture.settings(store));
            try {
                restarted.bindKind(new LinearTestKind());
                restarted.awaitMaintenance();
                String live = restarted.score("price", Fixture.request(null, 0.5, 0)).version();
                assertTrue(live.equals("1") || live.equals("2"), "live is one of the trained versions: " + live);
                for (String version : List.of("1", "2")) {
                    assertTrue(restarted.info("price", version).state() != VersionState.FAILED,
                            "version " + version + " intact: " + restarted.info("price", version));
                }
                assertEquals(2, restarted.versions("price").size());
            } finally {
                restarted.close();
            }
            try (Stream<Path> files = Files.walk(store)) {
                List<String> leftovers = files.map(Path::toString)
                        .filter(p -> p.endsWith(".tmp")).toList();
                assertTrue(leftovers.isEmpty(), "temporary files cleaned on restart: " + leftovers);
            }
        }
    }
}
