package io.merx.cluster.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.runtime.cluster.DesiredModel;
import io.merx.runtime.cluster.SharedStateUnavailableException;

/**
 * The database goes away and comes back: calls fail fast with a message naming the database (never the password),
 * and work again once it is back, including the change feed. This class stops its own server, so it does not share
 * the other tests' one.
 */
class DatabaseDownTest {

    private static PostgresServer server;

    @TempDir
    Path temp;

    @BeforeAll
    static void ownServer() throws Exception {
        server = PostgresServer.start(Path.of("target", "postgres"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void callsFailNamingTheDatabaseWhileItIsDownAndWorkWhenItIsBack() throws Exception {
        String url = server.createDatabase("down");
        String database = "PostgreSQL at 127.0.0.1:" + server.port() + "/down";
        try (PostgresSharedState a = TestNodes.node(server, url, "a");
                PostgresSharedState b = TestNodes.node(server, url, "b")) {
            DesiredModel read = a.write(model(0));
            BlockingQueue<String> heard = new LinkedBlockingQueue<>();
            AutoCloseable watch = b.watch(heard::add);
            Thread.sleep(1000);

            server.stop();
            long start = System.nanoTime();
            for (Supplier<?> call : List.<Supplier<?>>of(() -> a.model("churn"), () -> a.write(model(read.revision())),
                    () -> b.nodes(Duration.ofMinutes(1)), () -> b.acquireLease("churn", Duration.ofMinutes(1)))) {
                SharedStateUnavailableException down = assertThrows(SharedStateUnavailableException.class, call::get);
                assertTrue(down.getMessage().startsWith(database + " is unreachable: "), down.getMessage());
                assertFalse(down.getMessage().contains(server.password()), "no password in " + down.getMessage());
            }
            Path version = Files.createDirectories(temp.resolve("v1"));
            Files.writeString(version.resolve("manifest.json"), "{}");
            SharedStateUnavailableException publish = assertThrows(SharedStateUnavailableException.class,
                    () -> a.publishVersion("churn", "1", version));
            assertTrue(publish.getMessage().startsWith(database + " is unreachable"), publish.getMessage());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30),
                    "each call fails within the 2 s connect timeout");

            server.restart();
            DesiredModel written = a.write(model(read.revision()));
            assertEquals(2, written.revision(), "writes work again at once");
            // The feed reconnects within its back-off (at most 5 s); what was written before it listens again is
            // not heard (the runtime's periodic reconcile covers that), so keep writing until one is heard.
            String got = null;
            for (int i = 0; i < 15 && got == null; i++) {
                written = a.write(model(written.revision()));
                got = heard.poll(1, TimeUnit.SECONDS);
            }
            assertEquals("churn", got, "the watch listens again after reconnecting");
            watch.close();
        }
    }

    @Test
    void aNodeStartedWhileTheDatabaseIsDownRegistersAndMigratesWhenItComesBack() throws Exception {
        String url = server.createDatabase("late");
        server.stop();
        try (PostgresSharedState node = TestNodes.node(server, url, "late")) {
            SharedStateUnavailableException down = assertThrows(SharedStateUnavailableException.class, node::models);
            assertTrue(down.getMessage().startsWith("PostgreSQL at 127.0.0.1:" + server.port()
                    + "/late is unreachable: "), down.getMessage());

            server.restart();
            assertEquals(List.of(), node.models(), "the schema was migrated on the first call that reached it");
            assertEquals(1, node.write(model(0)).revision());
        } finally {
            server.restart();
        }
    }

    @Test
    void wrongCredentialsSayWhichDatabaseAndNeverEchoThePassword() {
        String url = server.createDatabase("credentials");
        String wrong = "not-the-password-" + System.nanoTime();
        try (PostgresSharedState node = new PostgresSharedState(TestNodes.config(Map.of("jdbcUrl", url, "user",
                server.user(), "password", wrong, "nodeName", "x", "connectTimeoutSeconds", 2)))) {
            SharedStateUnavailableException refused = assertThrows(SharedStateUnavailableException.class,
                    node::models);
            assertTrue(refused.getMessage().startsWith("PostgreSQL at 127.0.0.1:" + server.port()
                    + "/credentials is unreachable: "), refused.getMessage());
            assertTrue(refused.getMessage().contains("password authentication failed"), refused.getMessage());
            assertFalse(refused.getMessage().contains(wrong));
        }
    }

    @Test
    void aUrlOfAnotherDatabaseIsRefusedAtActivation() {
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> new PostgresSharedState(
                TestNodes.config(Map.of("jdbcUrl", "jdbc:mysql://db/merx?password=secret"))));
        assertEquals("jdbcUrl must name a PostgreSQL database, for example jdbc:postgresql://127.0.0.1:5432/merx",
                wrong.getMessage());
    }

    private static DesiredModel model(long revision) {
        return new DesiredModel("churn", List.of("1"), Map.of("live", "1"), List.of(), null, null, 1, revision);
    }
}
