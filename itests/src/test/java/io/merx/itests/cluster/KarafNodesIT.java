package io.merx.itests.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The multi-node harness itself, on three independent (not clustered) nodes of the real distribution: each on its
 * own ports, scoring load spread over them, kill -9 of one under load (its requests fail, the other two answer
 * every request), restart of the killed node from its own folder, and a graceful stop of all three.
 * {@link ClusterIT} builds on what this proves.
 */
class KarafNodesIT {

    private static final Duration LOAD_PHASE = Duration.ofSeconds(10);
    private static final int LOAD_THREADS = 4;
    private static final Duration LOAD_PAUSE = Duration.ofMillis(5);
    private static final String SCORE_PATH = MerxNodes.MODEL_PATH + "/score";

    @Test
    void threeNodesServeSurviveAKillAndStop() throws Exception {
        long began = System.nanoTime();
        try (KarafCluster nodes = KarafCluster.create(Distribution.current(), Path.of("target/cluster-nodes"), 3)) {
            for (KarafNode node : nodes.nodes()) {
                node.bootFeatures("merx-rest", "merx-example-linear");
            }
            nodes.startAll(MerxNodes.START_TIMEOUT);
            for (KarafNode node : nodes.nodes()) {
                // Ready means Karaf's boot features are in and the demo model is live: no request gets a 404.
                HttpResponse<String> first = node.send("POST", SCORE_PATH, MerxNodes.SCORE_BODY);
                assertEquals(200, first.statusCode(), node + " said ready, then answered " + first.body());
            }
            System.out.printf("3 nodes ready and scoring after %d s; %s%n", seconds(began), nodes.memory());

            KarafNode victim = nodes.node(3);
            long victimPid = victim.pid();
            try (ScoringLoad load = new ScoringLoad(nodes.nodes(), SCORE_PATH, MerxNodes.SCORE_BODY, LOAD_THREADS,
                    LOAD_PAUSE)) {
                load.start();
                Thread.sleep(LOAD_PHASE.toMillis());
                assertTrue(load.tally(victim).successes() > 0, load.report());

                victim.kill();
                assertFalse(ProcessHandle.of(victimPid).map(ProcessHandle::isAlive).orElse(false),
                        "the JVM itself is gone, not only a wrapper shell");
                // Until a load balancer notices, requests to the dead node fail, and count for it alone.
                Thread.sleep(1000);
                assertTrue(load.tally(victim).failures() > 0, "failures are seen: " + load.report());
                load.remove(victim);
                long before = load.tally(nodes.node(1)).successes();
                Thread.sleep(LOAD_PHASE.toMillis());
                assertTrue(load.tally(nodes.node(1)).successes() > before, load.report());

                long restart = System.nanoTime();
                victim.start();
                victim.awaitReady(MerxNodes.START_TIMEOUT);
                MerxNodes.awaitLive(victim, anyVersion -> true, MerxNodes.START_TIMEOUT);
                System.out.printf("killed node ready again after %d s%n", seconds(restart));
                load.restore(victim);
                long victimBefore = load.tally(victim).successes();
                Thread.sleep(LOAD_PHASE.toMillis());
                load.stop();
                System.out.println(load.report());
                System.out.println(nodes.memory());

                assertEquals(0, load.failuresExcept(victim), load.report());
                assertTrue(load.tally(victim).successes() > victimBefore, "the restarted node serves again: "
                        + load.report());
            }
            long stopping = System.nanoTime();
            assertTrue(nodes.stopAll(), "every node stops through bin/stop");
            for (KarafNode node : nodes.nodes()) {
                assertFalse(node.running(), node.name());
            }
            System.out.printf("stopped in %d s; whole test %d s%n", seconds(stopping), seconds(began));
        }
    }

    private static long seconds(long since) {
        return Duration.ofNanos(System.nanoTime() - since).toSeconds();
    }
}
