package io.merx.api.experiments;

import java.time.Instant;
import java.util.Objects;

/**
 * Where an experiment stands: both arms' traffic, the effect of the candidate with its always-valid confidence
 * interval and p-value, and the decision.
 *
 * @param id the experiment's id
 * @param spec what it tests
 * @param state where it is
 * @param controlVersion the live version when it started
 * @param control the live version's traffic since the start
 * @param candidate the candidate's traffic since the start
 * @param absoluteLift candidate rate minus control rate
 * @param relativeLift the absolute lift over the control rate, 0 while the control rate is 0
 * @param liftLow lower bound of the always-valid confidence interval of the absolute lift, at level 1 - alpha
 * @param liftHigh upper bound of that interval
 * @param pValue the always-valid p-value of "no difference"; never increases while the experiment runs
 * @param reason why it is in its state, in words (for a running one: what it waits for)
 * @param startedAt when it started
 * @param updatedAt when it was last evaluated
 * @param endedAt when it ended, or null while running
 * @since 1.0
 */
public record ExperimentReport(String id, ExperimentSpec spec, ExperimentState state, String controlVersion,
        ArmReport control, ArmReport candidate, double absoluteLift, double relativeLift, double liftLow,
        double liftHigh, double pValue, String reason, Instant startedAt, Instant updatedAt, Instant endedAt) {

    /** Checks that the identifying parts are present. */
    public ExperimentReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(controlVersion, "controlVersion");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
