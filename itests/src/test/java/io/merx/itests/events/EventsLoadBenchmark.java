package io.merx.itests.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.merx.itests.cluster.Distribution;
import io.merx.itests.cluster.KarafCluster;
import io.merx.itests.cluster.KarafNode;
import io.merx.itests.cluster.ScoringLoad;

/**
 * On-demand load benchmark of event ingestion (issue 15; never run by CI: its name does not end in IT). One real
 * distribution with REST, the example kind and merx-events: scoring alone first (the peer: p99 without
 * ingestion), then {@value #EVENTS_PER_SECOND} events/s over {@code POST /api/v1/events} for
 * {@value #SECONDS} s while scoring goes on, with a kill -9 of the node in the middle. The sender behaves as a
 * shop's would: a batch that got no 2xx is sent again until one does (the ids make that safe). At the end every
 * event sent is counted back from the node's export: none may be missing, none may be there twice.
 * Run: {@code benchmarks/events/run.sh}.
 */
class EventsLoadBenchmark {

    private static final int EVENTS_PER_SECOND = 2000;
    private static final int BATCH = 100;
    private static final int SECONDS = 60;
    private static final int KILL_AT_SECOND = 30;
    private static final Duration SCORING_ALONE = Duration.ofSeconds(20);
    private static final String SCORE_PATH = "/api/v1/models/example-linear-demo/score";
    private static final String SCORE_BODY = "{\"inputs\": {\"sqm\": 100, \"rooms\": 3, \"age\": 10}}";

    @Test
    void twoThousandEventsPerSecondForAMinuteWithAKillLoseNone() throws Exception {
        try (KarafCluster one = KarafCluster.create(Distribution.current(), Path.of("target/events-load"), 1)) {
            KarafNode node = one.node(1);
            node.bootFeatures("merx-rest", "merx-example-linear", "merx-events");
            node.start();
            node.awaitReady(Duration.ofMinutes(6));

            String alone;
            try (ScoringLoad scoring = scoring(node)) {
                scoring.start();
                Thread.sleep(SCORING_ALONE.toMillis());
                scoring.stop();
                alone = scoring.tally(node).toString();
                System.out.println("scoring alone: " + scoring.report());
            }

            List<Long> batchMillis = new ArrayList<>();
            AtomicLong retries = new AtomicLong();
            long killedAt;
            long readyAgainMillis;
            String during;
            long sent = 0;
            try (ScoringLoad scoring = scoring(node)) {
                scoring.start();
                long began = System.nanoTime();
                long batches = (long) EVENTS_PER_SECOND * SECONDS / BATCH;
                long killBatch = (long) EVENTS_PER_SECOND * KILL_AT_SECOND / BATCH;
                killedAt = -1;
                readyAgainMillis = -1;
                for (long b = 0; b < batches; b++) {
                    // Paced: batch b leaves at b * BATCH / rate seconds after the start, or at once when late.
                    long due = began + Duration.ofMillis(b * BATCH * 1000 / EVENTS_PER_SECOND).toNanos();
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    if (b == killBatch) {
                        node.kill();
                        killedAt = System.nanoTime();
                        node.start();
                    }
                    String body = batch(b);
                    long start = System.nanoTime();
                    while (!accepted(node, body)) {
                        retries.incrementAndGet();
                        Thread.sleep(200);
                    }
                    if (killedAt > 0 && readyAgainMillis < 0) {
                        readyAgainMillis = Duration.ofNanos(System.nanoTime() - killedAt).toMillis();
                    }
                    batchMillis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
                    sent += BATCH;
                }
                double seconds = Duration.ofNanos(System.nanoTime() - began).toMillis() / 1000.0;
                scoring.stop();
                during = scoring.tally(node).toString();
                System.out.printf(Locale.ROOT, "%d events in %.1f s (%.0f/s), %d batch retries while the node was"
                        + " down (kill -9 at %d s, accepting again %d ms later)%n", sent, seconds, sent / seconds,
                        retries.get(), KILL_AT_SECOND, readyAgainMillis);
            }

            List<String> users = storedUsers(node);
            long counted = users.size();
            long distinct = users.stream().distinct().count();
            long[] sorted = batchMillis.stream().mapToLong(Long::longValue).sorted().toArray();
            String report = String.format(Locale.ROOT, "%s, %d cores: events sent %d, counted back %d; POST of %d"
                    + " events p50 %d ms, p99 %d ms (retries included); scoring alone: %s; scoring during"
                    + " ingestion (a kill -9 in it, failures while the node was down): %s", Instant.now(),
                    Runtime.getRuntime().availableProcessors(), sent, counted, BATCH,
                    sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.99)], alone, during);
            System.out.println(report);
            assertEquals(sent, counted, "every event acknowledged is stored, once: " + report);
            assertEquals(sent, distinct, "no event is stored twice and none is missing: " + report);
        }
    }

    private static ScoringLoad scoring(KarafNode node) {
        return new ScoringLoad(List.of(node), SCORE_PATH, SCORE_BODY, 2, Duration.ofMillis(2));
    }

    /** Batch b: events b*BATCH .. b*BATCH+BATCH-1, each with its own id and user, all views. */
    private static String batch(long b) {
        StringBuilder json = new StringBuilder("{\"events\": [");
        String now = Instant.now().toString();
        for (int i = 0; i < BATCH; i++) {
            long n = b * BATCH + i;
            json.append(i == 0 ? "" : ",").append("{\"id\":\"load-").append(n).append("\",\"type\":\"view\",")
                    .append("\"user\":\"U").append(n).append("\",\"item\":\"P").append(n % 500).append("\",")
                    .append("\"timestamp\":\"").append(now).append("\"}");
        }
        return json.append("]}").toString();
    }

    private static boolean accepted(KarafNode node, String body) {
        try {
            return node.send("POST", "/api/v1/events", body).statusCode() / 100 == 2;
        } catch (Exception down) {
            return false;
        }
    }

    /** The user of every stored view event, from the node's CSV export (user,item,weight,timestamp,value). */
    private static List<String> storedUsers(KarafNode node) throws Exception {
        HttpResponse<String> csv = node.send("GET", "/api/v1/events/export?types=view", null,
                HttpRequest.BodyPublishers.noBody(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, csv.statusCode(), csv.body());
        return csv.body().lines().skip(1).filter(line -> !line.isBlank()).map(line -> line.split(",", 2)[0])
                .toList();
    }
}
