package io.merx.graph.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded Neo4j child must not outlive the JVM that started it, even when that JVM is killed while Neo4j
 * is still starting (reading no input yet). A shell plays Karaf: it starts the child the way the bundle does,
 * then is killed.
 */
class OrphanedServerTest {

    @TempDir
    Path home;

    @Test
    void theServerStopsWithinSecondsWhenItsParentIsKilledWhileItStarts() throws Exception {
        Credentials.embeddedPassword(home);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("merx.graph.server.classpath");
        // The shell starts it as the bundle does, passing its own pid.
        String script = "\"$1\" -Xmx512m -XX:+UseSerialGC -cp \"$2\" " + EmbeddedNeo4j.MAIN_CLASS
                + " --home \"$0/store\" --password-file \"$0/" + Credentials.FILE + "\" --port 0 --page-cache-mb 32"
                + " --parent-pid $$ < /dev/null > /dev/null 2> \"$0/server.log\" & echo $!; wait";
        Process parent = new ProcessBuilder(List.of("sh", "-c", script, home.toString(), java, classPath))
                .redirectErrorStream(true).start();
        long childPid;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            childPid = Long.parseLong(out.readLine().trim());
        }
        Optional<ProcessHandle> child = ProcessHandle.of(childPid);
        assertTrue(child.isPresent(), "the server started");
        try {
            // Neo4j creating its store: the server is starting, and reads no input for a long while yet.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.isDirectory(home.resolve("store")) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(Files.isDirectory(home.resolve("store")), "the server began to start Neo4j");
            assertTrue(child.get().isAlive(), "still starting when the parent dies");
            parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            long killed = System.nanoTime();

            child.get().onExit().get(30, TimeUnit.SECONDS);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killed);
            assertTrue(seconds <= 6, "the orphaned server lived on for " + seconds + " s");
        } finally {
            child.get().destroyForcibly();
            parent.descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }
}
