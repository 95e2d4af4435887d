package io.merx.experiments.internal;

import java.time.Instant;
import java.util.Locale;

import io.merx.api.experiments.ExperimentSpec;
import io.merx.api.experiments.ExperimentState;
import io.merx.api.experiments.Guardrail;

/**
 * Decides what becomes of a running experiment at one evaluation, from what it observes; acts on nothing (the
 * caller promotes or rolls back). In order: an operator's hand change ends it as STOPPED (never fought); a
 * breached guardrail rolls back; after the minimum sample a decided test promotes or rolls back; a reached
 * maximum ends it INCONCLUSIVE; otherwise it keeps running.
 */
public final class Judge {

    private final GuardrailLimits limits;

    public Judge(GuardrailLimits limits) {
        this.limits = limits;
    }

    /**
     * The mixing variance τ² for a control rate: {@code (expectedLift · rate)²}, so the mixture puts its weight on
     * lifts of about the size the experiment is meant to find (Johari et al. 2022, section 4: τ matched to the
     * effects expected). 0 while the rate is 0, as there is no scale yet.
     */
    public static double tau2(ExperimentSpec spec, double controlRate) {
        double tau = spec.expectedLift() * controlRate;
        return tau * tau;
    }

    /** The experiment after one evaluation; an ended one is returned unchanged. */
    public Experiment judge(Experiment e, Observation o, Instant now) {
        if (e.state().isFinal()) {
            return e;
        }
        ExperimentSpec spec = e.spec();
        String handChange = handChange(e, o);
        if (handChange != null) {
            return e.ended(ExperimentState.STOPPED, handChange + "; the experiment ended without acting", now);
        }
        Counts control = o.controlTotal().since(e.controlBaseline());
        Counts candidate = o.candidateTotal().since(e.candidateBaseline());
        double tau2 = e.tau2();
        if (tau2 == 0 && control.impressions() >= spec.minSamples() && control.successes() > 0) {
            // fixed once, from the control alone, then kept (stored) for the rest of the experiment
            tau2 = tau2(spec, (double) control.successes() / control.impressions());
        }
        Msprt.Running test = e.test();
        if (tau2 > 0) {
            test = Msprt.next(test, Msprt.look(control.impressions(), control.successes(), candidate.impressions(),
                    candidate.successes(), tau2, spec.alpha()));
        }
        Experiment next = e.observed(tau2, control, candidate, test, e.reason(), now);

        String breach = guardrailBreach(spec, o);
        if (breach != null) {
            return next.ended(ExperimentState.ROLLED_BACK, "guardrail " + breach, now);
        }
        boolean sampled = control.impressions() >= spec.minSamples() && candidate.impressions() >= spec.minSamples();
        if (sampled && tau2 > 0 && test.pValue() <= spec.alpha()) {
            // the interval excludes 0 once p <= alpha; its side is the direction of the effect
            boolean better = test.low() > 0 || (test.high() >= 0 && next.report().absoluteLift() > 0);
            String effect = String.format(Locale.ROOT, "%s %s than live: lift %+.5f, %.0f%% interval [%+.5f, %+.5f],"
                    + " always-valid p = %.4g <= alpha %.3g", spec.metric().wireName(), better ? "higher" : "lower",
                    next.report().absoluteLift(), 100 * (1 - spec.alpha()), test.low(), test.high(),
                    test.pValue(), spec.alpha());
            return better ? next.ended(ExperimentState.PROMOTED, "candidate " + effect + "; activated", now)
                    : next.ended(ExperimentState.ROLLED_BACK, "candidate " + effect + "; canary cleared", now);
        }
        long total = control.impressions() + candidate.impressions();
        if (spec.maxImpressions() > 0 && total >= spec.maxImpressions()) {
            return next.ended(ExperimentState.INCONCLUSIVE, "undecided after " + total + " impressions (maximum "
                    + spec.maxImpressions() + "), p = " + format(test.pValue()) + "; canary cleared", now);
        }
        if (spec.maxDuration() != null && !now.isBefore(e.startedAt().plus(spec.maxDuration()))) {
            return next.ended(ExperimentState.INCONCLUSIVE, "undecided after the maximum duration "
                    + spec.maxDuration() + ", p = " + format(test.pValue()) + "; canary cleared", now);
        }
        String waiting = !sampled
                ? "waiting for " + spec.minSamples() + " impressions per arm (live " + control.impressions()
                        + ", candidate " + candidate.impressions() + ")"
                : tau2 == 0 ? "waiting for a first " + spec.metric().wireName() + " on live to scale the test"
                        : "undecided: p = " + format(test.pValue()) + " > alpha " + spec.alpha();
        return e.observed(tau2, control, candidate, test, waiting, now);
    }

    /** What an operator changed by hand, or null when live and the canary are as the experiment set them. */
    private static String handChange(Experiment e, Observation o) {
        if (o.liveVersion() == null) {
            return "the model or its live version was removed";
        }
        if (!o.liveVersion().equals(e.controlVersion())) {
            return "live was changed by hand from version " + e.controlVersion() + " to " + o.liveVersion();
        }
        if (o.canaryVersion() == null) {
            return "the canary was cleared by hand";
        }
        if (!o.canaryVersion().equals(e.spec().candidateVersion()) || o.canaryPercent() != e.spec().percent()) {
            return "the canary was changed by hand to version " + o.canaryVersion() + " at " + o.canaryPercent() + "%";
        }
        return null;
    }

    private String guardrailBreach(ExperimentSpec spec, Observation o) {
        if (!spec.guardrails().contains(Guardrail.LATENCY_P99) || o.candidateStats() == null
                || o.controlStats() == null || o.candidateStats().requests() < limits.minRequests()) {
            return null;
        }
        double allowed = o.controlStats().p99Millis() * (1 + limits.latencyTolerance()) + limits.latencySlackMillis();
        if (o.candidateStats().p99Millis() > allowed) {
            return String.format(Locale.ROOT, "latency_p99 breached: candidate p99 %.2f ms > %.2f ms allowed (live"
                    + " p99 %.2f ms + %.0f%% + %.1f ms); canary cleared", o.candidateStats().p99Millis(), allowed,
                    o.controlStats().p99Millis(), 100 * limits.latencyTolerance(), limits.latencySlackMillis());
        }
        return null;
    }

    private static String format(double p) {
        return String.format(Locale.ROOT, "%.4g", p);
    }
}
