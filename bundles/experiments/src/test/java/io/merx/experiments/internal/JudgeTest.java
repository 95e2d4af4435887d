package io.merx.experiments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.merx.api.experiments.ExperimentMetric;
import io.merx.api.experiments.ExperimentSpec;
import io.merx.api.experiments.ExperimentState;
import io.merx.api.experiments.Guardrail;
import io.merx.api.runtime.VersionStats;

class JudgeTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private final Judge judge = new Judge(new GuardrailLimits(0.5, 5, 200));

    private static Experiment started(ExperimentSpec spec) {
        return Experiment.started("exp-1", spec, "1", 0, new Counts(5000, 500), Counts.ZERO, T0);
    }

    private static ExperimentSpec spec() {
        return ExperimentSpec.builder("recs", "2").percent(50).metric(ExperimentMetric.CONVERSION).minSamples(1000)
                .guardrail(Guardrail.LATENCY_P99).build();
    }

    private static Observation seen(long nA, long sA, long nB, long sB) {
        // the control's totals include its 5,000 impressions and 500 purchases from before the start
        return new Observation("1", "2", 50, new Counts(5000 + nA, 500 + sA), new Counts(nB, sB),
                new VersionStats(nA, 0, 2, 10), new VersionStats(nB, 0, 2, 10));
    }

    @Test
    void onlyTrafficAfterTheStartCountsAndNothingIsDecidedBeforeTheMinimumSample() {
        Experiment e = judge.judge(started(spec()), seen(900, 90, 900, 400), T0.plusSeconds(5));
        assertEquals(ExperimentState.RUNNING, e.state());
        assertEquals(new Counts(900, 90), e.control());
        assertTrue(e.reason().startsWith("waiting for 1000 impressions per arm"), e.reason());
    }

    @Test
    void aClearlyBetterCandidateIsPromotedAndAClearlyWorseOneRolledBack() {
        Experiment better = judge.judge(started(spec()), seen(5000, 500, 5000, 800), T0.plusSeconds(5));
        assertEquals(ExperimentState.PROMOTED, better.state(), better.reason());
        assertTrue(better.report().liftLow() > 0);
        assertTrue(better.report().pValue() <= 0.05);
        assertTrue(better.reason().contains("conversion higher than live"), better.reason());

        Experiment worse = judge.judge(started(spec()), seen(5000, 500, 5000, 300), T0.plusSeconds(5));
        assertEquals(ExperimentState.ROLLED_BACK, worse.state(), worse.reason());
        assertTrue(worse.report().liftHigh() < 0);
    }

    @Test
    void aBreachedLatencyGuardrailRollsBackWhateverTheMetricSays() {
        Observation slow = new Observation("1", "2", 50, new Counts(5300, 530), new Counts(300, 200),
                new VersionStats(300, 0, 2, 10), new VersionStats(300, 0, 30, 40));
        Experiment e = judge.judge(started(spec()), slow, T0.plusSeconds(5));
        assertEquals(ExperimentState.ROLLED_BACK, e.state());
        assertTrue(e.reason().startsWith("guardrail latency_p99 breached: candidate p99 40.00 ms > 20.00 ms"),
                e.reason());
        // without the guardrail in the spec the same latency is no reason to end
        ExperimentSpec unguarded = ExperimentSpec.builder("recs", "2").percent(50).minSamples(1000).build();
        assertEquals(ExperimentState.RUNNING, judge.judge(started(unguarded), slow, T0.plusSeconds(5)).state());
    }

    @Test
    void anOperatorsHandChangeStopsTheExperimentInsteadOfFightingIt() {
        Observation otherLive = new Observation("3", "2", 50, Counts.ZERO, Counts.ZERO, null, null);
        Experiment e = judge.judge(started(spec()), otherLive, T0.plusSeconds(5));
        assertEquals(ExperimentState.STOPPED, e.state());
        assertTrue(e.reason().startsWith("live was changed by hand from version 1 to 3"), e.reason());
        Observation noCanary = new Observation("1", null, 0, Counts.ZERO, Counts.ZERO, null, null);
        assertTrue(judge.judge(started(spec()), noCanary, T0).reason().startsWith("the canary was cleared by hand"));
        Observation otherShare = new Observation("1", "2", 10, Counts.ZERO, Counts.ZERO, null, null);
        assertEquals(ExperimentState.STOPPED, judge.judge(started(spec()), otherShare, T0).state());
    }

    @Test
    void reachingTheMaximumUndecidedIsInconclusive() {
        ExperimentSpec capped = ExperimentSpec.builder("recs", "2").percent(50).minSamples(1000)
                .maxImpressions(4000).maxDuration(Duration.ofHours(1)).build();
        Experiment e = judge.judge(started(capped), seen(2000, 200, 2000, 205), T0.plusSeconds(5));
        assertEquals(ExperimentState.INCONCLUSIVE, e.state());
        assertTrue(e.reason().startsWith("undecided after 4000 impressions"), e.reason());
        Experiment late = judge.judge(started(capped), seen(1000, 100, 1000, 101), T0.plus(Duration.ofHours(1)));
        assertEquals(ExperimentState.INCONCLUSIVE, late.state());
    }

    @Test
    void anEndedExperimentStaysAsItEnded() {
        Experiment stopped = started(spec()).ended(ExperimentState.STOPPED, "stopped by an operator", T0);
        assertEquals(stopped, judge.judge(stopped, seen(5000, 500, 5000, 800), T0.plusSeconds(5)));
    }

    @Test
    void aaExperimentsDecideForADifferenceAtMostAlphaOfTheTimeThoughWatchedAfterEveryFiveHundredImpressions() {
        ExperimentSpec spec = ExperimentSpec.builder("recs", "2").percent(50).minSamples(1000).alpha(0.05).build();
        int runs = 300;
        int decided = 0;
        for (int run = 0; run < runs; run++) {
            SimulatedArms arms = new SimulatedArms(1000 + run, 0.05, 0.05);
            Experiment e = Experiment.started("aa-" + run, spec, "1", 0, Counts.ZERO, Counts.ZERO, T0);
            for (int look = 0; look < 60 && !e.state().isFinal(); look++) {
                arms.serve(500);
                e = judge.judge(e, arms.observation("1", "2", 50), T0.plusSeconds(look));
            }
            decided += e.state().isFinal() ? 1 : 0;
        }
        // a fixed-horizon test looked at 60 times would decide in roughly a quarter of these runs
        assertTrue(decided <= 0.05 * runs, decided + " of " + runs + " A/A experiments decided");
    }

    @Test
    void aStrongTrueLiftIsPromotedInNearlyEveryRun() {
        ExperimentSpec spec = ExperimentSpec.builder("recs", "2").percent(50).minSamples(1000)
                .expectedLift(0.2).build();
        int promoted = 0;
        for (int run = 0; run < 100; run++) {
            SimulatedArms arms = new SimulatedArms(5000 + run, 0.05, 0.065);
            Experiment e = Experiment.started("ab-" + run, spec, "1", 0, Counts.ZERO, Counts.ZERO, T0);
            for (int look = 0; look < 60 && !e.state().isFinal(); look++) {
                arms.serve(500);
                e = judge.judge(e, arms.observation("1", "2", 50), T0.plusSeconds(look));
            }
            promoted += e.state() == ExperimentState.PROMOTED ? 1 : 0;
        }
        assertTrue(promoted >= 90, promoted + " of 100 promoted");
    }
}
