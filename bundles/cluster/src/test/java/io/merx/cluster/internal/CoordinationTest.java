package io.merx.cluster.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.merx.api.runtime.JobState;
import io.merx.api.runtime.VersionState;
import io.merx.runtime.cluster.JobLease;
import io.merx.runtime.cluster.NodeReport;
import io.merx.runtime.cluster.SharedJob;

/** Training leases, heartbeats and jobs as two nodes see them. */
@ExtendWith(PostgresExtension.class)
class CoordinationTest {

    private final PostgresServer server;
    private PostgresSharedState a;
    private PostgresSharedState b;

    CoordinationTest(PostgresServer server) {
        this.server = server;
    }

    @BeforeEach
    void twoNodes() {
        String url = server.createDatabase("coordination");
        a = TestNodes.node(server, url, "a");
        b = TestNodes.node(server, url, "b");
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    @Test
    void oneNodeTrainsAModelUntilItsLeaseLapses() throws Exception {
        JobLease held = a.acquireLease("churn", Duration.ofSeconds(1)).orElseThrow();
        assertEquals("a", held.node());
        assertTrue(b.acquireLease("churn", Duration.ofMinutes(1)).isEmpty(), "held by a");
        assertTrue(b.acquireLease("other", Duration.ofMinutes(1)).isPresent(), "leases are per model");

        Thread.sleep(1500);
        JobLease taken = b.acquireLease("churn", Duration.ofMinutes(1)).orElseThrow();
        assertEquals("b", taken.node());
        assertTrue(a.renewLease(held, Duration.ofMinutes(1)).isEmpty(), "a's token is stale");
        a.releaseLease(held);
        assertTrue(a.acquireLease("churn", Duration.ofMinutes(1)).isEmpty(), "a stale release leaves b's lease");

        JobLease renewed = b.renewLease(taken, Duration.ofMinutes(10)).orElseThrow();
        assertTrue(renewed.expiresAt().isAfter(taken.expiresAt()));
        b.releaseLease(renewed);
        assertTrue(a.acquireLease("churn", Duration.ofMinutes(1)).isPresent(), "free after release");
    }

    @Test
    void nodesLeavesOutThoseThatStoppedHeartbeating() throws Exception {
        Instant started = Instant.parse("2026-12-01T10:00:00Z");
        NodeReport report = new NodeReport("a", "http://10.0.0.5:8181", started, started.plusSeconds(60), true,
                Map.of("churn", new NodeReport.ServedModel(3, Map.of("live", "2"), Map.of("2", VersionState.READY,
                        "3", VersionState.WARMING))));
        a.report(report);
        b.report(new NodeReport("b", "", started, started, false, Map.of()));

        assertEquals(List.of("a", "b"), b.nodes(Duration.ofMinutes(1)).stream().map(NodeReport::node).toList());
        assertEquals(report, b.nodes(Duration.ofMinutes(1)).get(0), "the report comes back as sent");
        Thread.sleep(1200);
        a.report(report);
        assertEquals(List.of("a"), b.nodes(Duration.ofSeconds(1)).stream().map(NodeReport::node).toList(),
                "b's heartbeat is older than a second");
    }

    @Test
    void jobsAreSharedNewestFirstAndUpdatedInPlace() {
        Instant t = Instant.now().truncatedTo(ChronoUnit.MICROS);
        a.recordJob(new SharedJob("j1", "churn", "linear", "a", JobState.RUNNING, null, null, t, null));
        b.recordJob(new SharedJob("j2", "price", "pricing", "b", JobState.QUEUED, null, null, t.plusSeconds(5), null));
        SharedJob done = new SharedJob("j1", "churn", "linear", "a", JobState.SUCCEEDED, null, "4", t,
                t.plusSeconds(9));
        a.recordJob(done);

        List<SharedJob> jobs = b.jobs();
        assertEquals(List.of("j2", "j1"), jobs.stream().map(SharedJob::id).toList());
        assertEquals(done, jobs.get(1));
    }
}
