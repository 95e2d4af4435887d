package io.merx.experiments.internal;

import java.time.Instant;

import io.merx.api.experiments.ArmReport;
import io.merx.api.experiments.ExperimentReport;
import io.merx.api.experiments.ExperimentSpec;
import io.merx.api.experiments.ExperimentState;
import io.merx.api.runtime.ScoreResponse;

/**
 * One experiment as stored: its spec, the counts at the start (only traffic after them counts), the counts and
 * the running test at the latest evaluation, and its state. Immutable; each evaluation makes the next one.
 *
 * @param tau2 the test's mixing variance, fixed once from the control's rate; 0 until then
 * @param controlBaseline the live version's counts on route {@code live} when it started
 * @param candidateBaseline the candidate's counts on route {@code canary} when it started
 * @param control the live version's counts since the start, at the latest evaluation
 * @param candidate the candidate's counts since the start, at the latest evaluation
 */
public record Experiment(String id, ExperimentSpec spec, String controlVersion, double tau2, Counts controlBaseline,
        Counts candidateBaseline, Counts control, Counts candidate, Msprt.Running test, ExperimentState state,
        String reason, Instant startedAt, Instant updatedAt, Instant endedAt) {

    /** A new running experiment. */
    public static Experiment started(String id, ExperimentSpec spec, String controlVersion, double tau2,
            Counts controlBaseline, Counts candidateBaseline, Instant now) {
        return new Experiment(id, spec, controlVersion, tau2, controlBaseline, candidateBaseline, Counts.ZERO,
                Counts.ZERO, Msprt.Running.START, ExperimentState.RUNNING,
                "waiting for " + spec.minSamples() + " impressions per arm", now, now, null);
    }

    /** The same experiment, still running, with new counts, test and reason. */
    Experiment observed(double newTau2, Counts newControl, Counts newCandidate, Msprt.Running newTest,
            String newReason, Instant now) {
        return new Experiment(id, spec, controlVersion, newTau2, controlBaseline, candidateBaseline, newControl,
                newCandidate, newTest, state, newReason, startedAt, now, null);
    }

    /** The same experiment, ended. */
    public Experiment ended(ExperimentState finalState, String why, Instant now) {
        return new Experiment(id, spec, controlVersion, tau2, controlBaseline, candidateBaseline, control, candidate,
                test, finalState, why, startedAt, now, now);
    }

    /** Whether the two differ at most in {@link #updatedAt()}. */
    boolean sameApartFromUpdatedAt(Experiment other) {
        return equals(new Experiment(other.id, other.spec, other.controlVersion, other.tau2, other.controlBaseline,
                other.candidateBaseline, other.control, other.candidate, other.test, other.state, other.reason,
                other.startedAt, updatedAt, other.endedAt));
    }

    /** The report of it. */
    public ExperimentReport report() {
        ArmReport a = ArmReport.of(controlVersion, "live", control.impressions(), control.successes());
        ArmReport b = ArmReport.of(spec.candidateVersion(), ScoreResponse.ROUTE_CANARY, candidate.impressions(),
                candidate.successes());
        double lift = b.rate() - a.rate();
        return new ExperimentReport(id, spec, state, controlVersion, a, b, lift, a.rate() == 0 ? 0 : lift / a.rate(),
                test.low(), test.high(), test.pValue(), reason, startedAt, updatedAt, endedAt);
    }
}
