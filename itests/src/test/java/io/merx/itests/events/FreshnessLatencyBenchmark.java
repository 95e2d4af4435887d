package io.merx.itests.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.merx.itests.cluster.Distribution;
import io.merx.itests.cluster.KarafCluster;
import io.merx.itests.cluster.KarafNode;

/**
 * On-demand benchmark of freshness over REST (issue 15; never run by CI: its name does not end in IT). One real
 * distribution with REST, merx-events and merx-recommendation; its demo ALS model. Each round: a demo customer's
 * top 10, then {@code POST /api/v1/events} with a purchase of their top item, then the same score request again
 * and again until the item is gone (the time from sending the event to the first changed answer); then a view of
 * another item and the time until the folded-in list changes. Beside it, a score call alone (the peer: what the
 * polling itself costs per call). Run: {@code benchmarks/events/run-freshness.sh}.
 */
class FreshnessLatencyBenchmark {

    private static final int WARM_UP = 50;
    private static final int ROUNDS = 300;
    private static final String SCORE_PATH = "/api/v1/models/recommendation-als-demo/score";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eventToChangedRecommendation() throws Exception {
        try (KarafCluster one = KarafCluster.create(Distribution.current(), Path.of("target/freshness-latency"), 1)) {
            KarafNode node = one.node(1);
            node.bootFeatures("merx-rest", "merx-events", "merx-recommendation");
            node.start();
            node.awaitReady(Duration.ofMinutes(6));
            awaitDemo(node);

            long[] purchase = new long[ROUNDS];
            long[] view = new long[ROUNDS];
            long[] alone = new long[ROUNDS];
            int views = 0;
            int unchanged = 0;
            for (int round = 0; round < WARM_UP + ROUNDS; round++) {
                int r = round - WARM_UP;
                String user = String.format(Locale.ROOT, "C%06d", (round * 37) % 1500);
                long t = System.nanoTime();
                List<String> before = top(node, user);
                long scored = System.nanoTime() - t;
                t = System.nanoTime();
                post(node, "buy-" + round, "purchase", user, before.get(0));
                List<String> after = awaitChange(node, user, before);
                long bought = System.nanoTime() - t;
                assertTrue(after != null && !after.contains(before.get(0)), "the bought item left the list");
                String viewed = String.format(Locale.ROOT, "P%06d", (round * 131) % 400);
                t = System.nanoTime();
                post(node, "view-" + round, "view", user, viewed);
                List<String> folded = awaitChange(node, user, after);
                long seen = System.nanoTime() - t;
                if (r >= 0) {
                    alone[r] = scored;
                    purchase[r] = bought;
                    if (folded != null) {
                        view[views++] = seen;
                    } else {
                        unchanged++;
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%s, %d cores, %d rounds after %d warm-up:%n", Instant.now(),
                    Runtime.getRuntime().availableProcessors(), ROUNDS, WARM_UP);
            report("purchase of the top item -> gone from the answer (POST + polls)", purchase, ROUNDS);
            report("view of an item -> folded-in answer changed (POST + polls)", view, views);
            report("peer: one score call alone", alone, ROUNDS);
            System.out.printf(Locale.ROOT, "%d of %d views left the top 10 unchanged (not in the view row)%n",
                    unchanged, ROUNDS);
        }
    }

    private static void report(String what, long[] nanos, int n) {
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f |%n", what, n, sorted[n / 2] / 1e6,
                sorted[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6);
    }

    private static void awaitDemo(KarafNode node) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (node.send("POST", SCORE_PATH, "{\"inputs\": {\"user\": \"C000017\"}}").statusCode() == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the recommendation demo model never went live: " + node.logTail());
    }

    private static List<String> awaitChange(KarafNode node, String user, List<String> before) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> now = top(node, user);
            if (!now.equals(before)) {
                return now;
            }
        }
        return null;
    }

    private static void post(KarafNode node, String id, String type, String user, String item) throws Exception {
        HttpResponse<String> posted = node.send("POST", "/api/v1/events", "{\"events\": [{\"id\": \"" + id
                + "\", \"type\": \"" + type + "\", \"user\": \"" + user + "\", \"item\": \"" + item
                + "\", \"timestamp\": \"" + Instant.now() + "\"}]}");
        assertEquals(200, posted.statusCode(), posted.body());
    }

    private static List<String> top(KarafNode node, String user) throws Exception {
        HttpResponse<String> scored = node.send("POST", SCORE_PATH, "{\"inputs\": {\"user\": \"" + user
                + "\", \"k\": 10}}");
        assertEquals(200, scored.statusCode(), scored.body());
        List<String> items = new ArrayList<>();
        JSON.readTree(scored.body()).get("outputs").get("items").forEach(e -> items.add(e.get("item").asText()));
        return items;
    }
}
