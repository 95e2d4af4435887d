package io.merx.runtime.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.merx.api.schedule.RetrainOutcome;
import io.merx.api.schedule.RetrainReport;

class RetrainReportsTest {

    private static final Instant START = Instant.parse("2026-03-02T03:00:00Z");
    private static final Instant END = Instant.parse("2026-03-02T03:01:00.123456Z");

    @Test
    void aComparedRunShowsWhyAndBothRecalls() {
        RetrainReport kept = new RetrainReport("recs", START, END, RetrainOutcome.KEPT_LIVE, "3", "4",
                RetrainReport.METRIC, 0.21, 0.25, 0.3, 0.35, 800, 200, 57, START, "candidate 4 is worse: ndcg@10 0.2100 vs live 0.2500 on 57 users (tolerance 0.0); live stays 3");
        assertEquals("KEPT_LIVE 2026-03-02T03:01:00Z: candidate 4 is worse: ndcg@10 0.2100 vs live 0.2500 on 57 users"
                + " (tolerance 0.0); live stays 3 (recall@10 0.3000 vs live 0.3500)", RetrainReports.line(kept));
    }

    @Test
    void aFailedRunShowsOnlyWhy() {
        RetrainReport failed = new RetrainReport("recs", START, END, RetrainOutcome.FAILED, "3", null,
                RetrainReport.METRIC, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0, null,
                "too few events to retrain: 12 of types [purchase], at least 50 needed");
        assertEquals("FAILED 2026-03-02T03:01:00Z: too few events to retrain: 12 of types [purchase], at least 50"
                + " needed", RetrainReports.line(failed));
    }
}
