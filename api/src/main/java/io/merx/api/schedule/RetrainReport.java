package io.merx.api.schedule;

import java.time.Instant;
import java.util.Objects;

/**
 * What one retrain run did. Both metric values are measured on the same held-out events, by scoring the
 * candidate and the live version through the runtime with the same requests.
 *
 * @param model the model
 * @param startedAt when the run began
 * @param finishedAt when it ended
 * @param outcome activated, kept live, or failed
 * @param liveVersion the version that was live when the run began, null when it could not be read
 * @param candidateVersion the version trained by the run, null when training did not get that far
 * @param metric the deciding metric, {@code ndcg@10}
 * @param candidateValue the candidate's value of {@code metric}, NaN when not measured
 * @param liveValue the live version's value of {@code metric}, NaN when not measured
 * @param candidateRecall the candidate's recall@10, NaN when not measured
 * @param liveRecall the live version's recall@10, NaN when not measured
 * @param trainEvents events the candidate was trained on
 * @param heldOutEvents events held out for the comparison
 * @param evaluatedUsers users the comparison scored (held-out items they had not had in training)
 * @param trainedUntil the split time: training events are before it, held-out events at or after it; null
 *        when the run failed before splitting
 * @param reason why the run ended as it did, in words
 * @since 1.0
 */
public record RetrainReport(String model, Instant startedAt, Instant finishedAt, RetrainOutcome outcome,
        String liveVersion, String candidateVersion, String metric, double candidateValue, double liveValue,
        double candidateRecall, double liveRecall, long trainEvents, long heldOutEvents, int evaluatedUsers,
        Instant trainedUntil, String reason) {

    /** The metric that decides. */
    public static final String METRIC = "ndcg@10";

    /** Checks the required parts. */
    public RetrainReport {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(reason, "reason");
    }
}
