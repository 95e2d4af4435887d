package io.merx.runtime.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.merx.api.experiments.ArmReport;
import io.merx.api.experiments.ExperimentReport;
import io.merx.api.experiments.ExperimentSpec;
import io.merx.api.experiments.ExperimentState;

class ExperimentCommandTest {

    @Test
    void aReportReadsAsArmsLiftAndDecision() {
        ExperimentSpec spec = ExperimentSpec.builder("recs", "2").percent(20).build();
        ExperimentReport r = new ExperimentReport("exp-1", spec, ExperimentState.PROMOTED, "1",
                ArmReport.of("1", "live", 4000, 200), ArmReport.of("2", "canary", 1000, 80), 0.03, 0.6, 0.01, 0.05,
                0.002, "candidate conversion higher than live; activated", Instant.parse("2026-03-01T12:00:00Z"),
                Instant.parse("2026-03-01T13:00:00Z"), Instant.parse("2026-03-01T13:00:00Z"));
        String n = System.lineSeparator();
        assertEquals("Experiment exp-1  PROMOTED  recs: version 2 vs live 1, 20% of traffic, metric conversion,"
                + " alpha 0.05" + n
                + "  Live       v1: 4000 impressions, 200 successes, rate 0.05000" + n
                + "  Candidate  v2: 1000 impressions, 80 successes, rate 0.08000" + n
                + "  Lift       +0.03000 (+60.00%), 95% always-valid interval [+0.01000, +0.05000], p = 0.0020" + n
                + "  Decision   candidate conversion higher than live; activated" + n
                + "  Started    2026-03-01T12:00:00Z, ended 2026-03-01T13:00:00Z" + n, ExperimentCommand.describe(r));
    }
}
