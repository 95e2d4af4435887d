package io.merx.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.runtime.JobState;
import io.merx.api.runtime.TrainingJob;
import io.merx.api.runtime.TrainingRequest;
import io.merx.testkit.LinearTestKind;

class TrainingJobTest {

    @TempDir
    Path dir;
    Fixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new Fixture(dir);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void jobReportsProgressAndCanBeCancelled() throws Exception {
        TrainingJob job = fx.runtime.train(TrainingRequest.builder("price", LinearTestKind.NAME, fx.csv("d.csv", 3))
                .parameter("epochs", "1000").parameter("sleepMillis", "2").build());
        List<Double> seen = new ArrayList<>();
        while (seen.size() < 3 && !job.state().isDone()) {
            Thread.sleep(20);
            seen.add(job.progress());
        }
        assertEquals(JobState.RUNNING, job.state());
        assertTrue(job.startedAt().isPresent(), "a running job says when it started");
        assertTrue(job.finishedAt().isEmpty(), "a running job has not finished");
        assertTrue(seen.get(2) > seen.get(0), "progress moves: " + seen);
        assertTrue(job.message().startsWith("epoch "), job.message());
        IllegalStateException busy = assertThrows(IllegalStateException.class, () -> fx.runtime.train(
                TrainingRequest.builder("price", LinearTestKind.NAME, fx.csv("e.csv", 3)).build()));
        assertTrue(busy.getMessage().contains("already has a running training job"), busy.getMessage());

        job.cancel();

        assertTrue(job.await(Duration.ofSeconds(10)));
        assertEquals(JobState.CANCELLED, job.state());
        assertFalse(job.finishedAt().orElseThrow().isBefore(job.startedAt().orElseThrow()));
        assertTrue(job.resultVersion().isEmpty());
        assertTrue(fx.runtime.models().isEmpty(), "nothing saved");
    }

    @Test
    void trainingWithActivateServesTheNewVersion() throws Exception {
        Path jsonl = dir.resolve("d.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            double x1 = (i % 10) / 10.0;
            double x2 = (i % 4) / 4.0;
            lines.append("{\"x1\": ").append(x1).append(", \"x2\": ").append(x2).append(", \"y\": ")
                    .append(x1 + x2).append(", \"note\": \"row ").append(i).append("\"}\n");
        }
        Files.writeString(jsonl, lines);
        Instant before = Instant.now();
        TrainingJob job = fx.runtime.train(TrainingRequest.builder("sum", LinearTestKind.NAME, jsonl)
                .activate(true).build());
        assertTrue(job.await(Duration.ofSeconds(30)));
        assertEquals(JobState.SUCCEEDED, job.state(), job.message());
        assertEquals(1.0, job.progress());
        Instant started = job.startedAt().orElseThrow();
        Instant finished = job.finishedAt().orElseThrow();
        assertFalse(finished.isBefore(started), started + " .. " + finished);
        assertFalse(started.isBefore(before), "started after it was asked for");
        assertFalse(finished.isAfter(Instant.now()));
        assertEquals(0.7, fx.runtime.score("sum", Fixture.request(null, 0.3, 0.4)).result().number("score"), 0.02);
        assertEquals(40, fx.runtime.info("sum", "live").provenance().dataRows());
    }

    @Test
    void badInputFailsFastOrFailsTheJobWithTheLine() throws Exception {
        Path csv = fx.csv("d.csv", 3);
        assertThrows(IllegalArgumentException.class, () -> fx.runtime.train(
                TrainingRequest.builder("price", "no.such.kind", csv).build()));
        IllegalArgumentException hp = assertThrows(IllegalArgumentException.class, () -> fx.runtime.train(
                TrainingRequest.builder("price", LinearTestKind.NAME, csv).parameters(Map.of("epochs", "-3")).build()));
        assertTrue(hp.getMessage().contains("'epochs'"), hp.getMessage());

        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, "x1,x2,y\n1,2,3\n4,5\n");
        TrainingJob job = fx.runtime.train(TrainingRequest.builder("price", LinearTestKind.NAME, broken).build());
        assertTrue(job.await(Duration.ofSeconds(10)));
        assertEquals(JobState.FAILED, job.state());
        assertTrue(job.message().contains("line 3"), job.message());
    }
}
