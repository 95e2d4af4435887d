package io.merx.benchmarks.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * The generator against a real HTTP server (the JDK's) whose first answer stalls: the stall must show in the latency
 * of every request that was due while it lasted, not only in the one that met it. Only lower bounds are asserted,
 * which hold however slow the machine is.
 */
class LoadRunTest {

    private static final long STALL_MILLIS = 300;

    private HttpServer server;
    private final AtomicInteger answered = new AtomicInteger();
    private HttpRequest request;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/score", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int n = answered.incrementAndGet();
            if (n == 1) {
                try {
                    Thread.sleep(STALL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = n == 5 ? 503 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/score"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void openLoopCountsTheQueueAStallBuildsFromTheIntendedSendTime() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        LoadRun.Outcome outcome = new LoadRun(client, request, 1).openLoop(100, 1);

        assertEquals(100, outcome.requests(), "every request due in the second is sent");
        assertEquals(1, outcome.errors(), "the 503 is counted as an error");
        assertTrue(outcome.firstError().contains("503"), outcome.firstError());
        // Requests due at 0, 10, ..., 190 ms could only be sent after the 300 ms stall: each waited >= 110 ms.
        long delayed = outcome.latency().getCountBetweenValues(110_000, Long.MAX_VALUE / 2);
        assertTrue(delayed >= 20, "requests delayed by the stall: " + delayed);
        assertTrue(outcome.latency().getMaxValue() >= STALL_MILLIS * 1000);
        assertEquals(100, outcome.fromSend().getTotalCount());
    }

    @Test
    void closedLoopSendsBackToBackOnEveryConnection() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        LoadRun.Outcome outcome = new LoadRun(client, request, 2).closedLoop(1);

        assertEquals(0, outcome.offeredPerSecond());
        assertEquals(answered.get(), outcome.requests(), "every answer is recorded once");
        assertTrue(outcome.requests() > 2);
    }

    @Test
    void rejectsWhatCannotBeRun() {
        HttpClient client = HttpClient.newHttpClient();
        assertThrows(IllegalArgumentException.class, () -> new LoadRun(client, request, 0));
        assertThrows(IllegalArgumentException.class, () -> new LoadRun(client, request, 1).openLoop(0, 1));
    }
}
